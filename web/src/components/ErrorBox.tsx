import { useI18n } from '../i18n';

export function ErrorBox({ title, messages, onRetry }: { title: string; messages: string[]; onRetry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="error-box" role="alert">
      <strong>{title}</strong>
      <ul>
        {messages.map((message, i) => (
          <li key={i}>{message}</li>
        ))}
      </ul>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('query.retry')}
        </button>
      )}
    </div>
  );
}
