import { useTranslation } from 'react-i18next';
import { Card } from '../../../components/ui/card';
import { EmptyState, ErrorState, LoadingState } from '../../../components/ui/states';
import { useToast } from '../../../components/ui/toast';
import { errorMessage } from '../../../lib/form-errors';
import { trackName, useTracks } from '../../../lib/reference-data';
import { useUpdateTrack } from '../api/settings';

/** Tracks on/off: each switch saves at once (a disabled track keeps its people, new ones cannot pick it). */
export function TracksCard() {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const tracks = useTracks();
  const update = useUpdateTrack();

  return (
    <Card title={t('settings.tracks.title')} description={t('settings.tracks.description')}>
      {tracks.isPending ? (
        <LoadingState />
      ) : tracks.isError ? (
        <ErrorState error={tracks.error} onRetry={() => void tracks.refetch()} />
      ) : tracks.data.length === 0 ? (
        <EmptyState title={t('settings.tracks.empty')} />
      ) : (
        <div>
          {tracks.data.map((track) => {
            const id = `track-${track.id}`;
            const name = trackName(track, i18n.language);
            return (
              <div className="setting-row" key={track.id}>
                <div className="setting-row__text">
                  <label className="setting-row__label" htmlFor={id}>
                    {name}
                  </label>
                  <p className="setting-row__hint" id={`${id}-hint`}>
                    {t('settings.tracks.people', { count: track.userCount })} · <code>{track.slug}</code>
                  </p>
                </div>
                <input
                  id={id}
                  type="checkbox"
                  role="switch"
                  className="switch"
                  aria-describedby={`${id}-hint`}
                  checked={track.enabled}
                  disabled={update.isPending && update.variables?.id === track.id}
                  onChange={(e) =>
                    update.mutate(
                      { id: track.id, body: { enabled: e.target.checked } },
                      {
                        onSuccess: (saved) =>
                          toast(t(saved.enabled ? 'settings.tracks.enabled' : 'settings.tracks.disabled', { name })),
                        onError: (error) => toast(errorMessage(error, t), 'error'),
                      },
                    )
                  }
                />
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
