import * as Select from '@radix-ui/react-select';

export interface PickerOption {
  value: string;
  label: string;
  /** The label is the programme's (a batch's own name), not the interface's. */
  content?: boolean;
}

interface Props {
  label: string;
  value: string;
  options: readonly PickerOption[];
  onChange: (value: string) => void;
  className?: string;
}

/** A choice among a few named options (Radix Select): a button that opens a listbox, typeahead included. */
export function Picker({ label, value, options, onChange, className }: Props): React.JSX.Element {
  const chosen = options.find((option) => option.value === value);
  return (
    <Select.Root value={value} onValueChange={onChange}>
      <Select.Trigger className={`picker${className ? ` ${className}` : ''}`} aria-label={label}>
        <span className="picker-value" data-content={chosen?.content ? '' : undefined}>
          <Select.Value />
        </span>
        <Select.Icon className="picker-icon" aria-hidden="true">
          ▾
        </Select.Icon>
      </Select.Trigger>
      <Select.Portal>
        <Select.Content className="picker-content" position="popper" sideOffset={4} collisionPadding={8}>
          <Select.Viewport>
            {options.map((option) => (
              <Select.Item key={option.value} value={option.value} className="picker-item" data-content={option.content ? '' : undefined}>
                <Select.ItemText>{option.label}</Select.ItemText>
              </Select.Item>
            ))}
          </Select.Viewport>
        </Select.Content>
      </Select.Portal>
    </Select.Root>
  );
}
