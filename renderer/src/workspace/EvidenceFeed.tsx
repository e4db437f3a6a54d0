import * as Tabs from '@radix-ui/react-tabs';
import { useTranslation } from 'react-i18next';

export type FeedTab = 'comments' | 'transcript';

interface Props {
  tab: FeedTab;
  onTab: (tab: FeedTab) => void;
  commentCount: number;
  comments: React.ReactNode;
  /** The recording's transcript, where it has captions; without one the comments stand alone. */
  transcript: React.ReactNode | null;
}

/** Under the evidence: the comments feed and, for a captioned recording, its transcript, one tab each. */
export function EvidenceFeed({ tab, onTab, commentCount, comments, transcript }: Props): React.JSX.Element {
  const { t } = useTranslation();
  if (transcript === null) return <div className="evidence-feed">{comments}</div>;
  return (
    <Tabs.Root className="evidence-feed" value={tab} onValueChange={(value) => onTab(value as FeedTab)} activationMode="automatic">
      <Tabs.List className="feed-tabs" aria-label={t('feed.label')}>
        <Tabs.Trigger value="comments">{t('comments.title', { count: commentCount })}</Tabs.Trigger>
        <Tabs.Trigger value="transcript">{t('transcript.title')}</Tabs.Trigger>
      </Tabs.List>
      <Tabs.Content value="comments" className="feed-panel">
        {comments}
      </Tabs.Content>
      <Tabs.Content value="transcript" className="feed-panel">
        {transcript}
      </Tabs.Content>
    </Tabs.Root>
  );
}
