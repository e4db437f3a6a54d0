import * as Tooltip from '@radix-ui/react-tooltip';

interface Props {
  text: string;
  /** The text is the programme's (a rubric descriptor), not the interface's. */
  content?: boolean;
  children: React.ReactElement;
}

/** A tooltip on hover and on keyboard focus (Radix), for what a control does or a level means. */
export function Hint({ text, content = false, children }: Props): React.JSX.Element {
  return (
    <Tooltip.Root>
      <Tooltip.Trigger asChild>{children}</Tooltip.Trigger>
      <Tooltip.Portal>
        <Tooltip.Content className="hint-tooltip" sideOffset={4} collisionPadding={8} data-content={content ? '' : undefined}>
          {text}
          <Tooltip.Arrow className="hint-tooltip-arrow" />
        </Tooltip.Content>
      </Tooltip.Portal>
    </Tooltip.Root>
  );
}

/** One provider for the window: hints open after a short pause and follow each other without one. */
export function HintProvider({ children }: { children: React.ReactNode }): React.JSX.Element {
  return (
    <Tooltip.Provider delayDuration={400} skipDelayDuration={200}>
      {children}
    </Tooltip.Provider>
  );
}
