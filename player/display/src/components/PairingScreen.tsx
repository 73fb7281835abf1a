// What an unpaired screen shows: the pairing code an operator types into the console, and where the console is.
import '../styles/pairing.css';
import { useTranslate } from '../format/locale-context.ts';

interface PairingScreenProps {
  pairingCode: string | null;
  controllerUrl: string;
}

export function PairingScreen({ pairingCode, controllerUrl }: PairingScreenProps) {
  const t = useTranslate();
  return (
    <section className="pairing" data-testid="pairing-screen">
      <h1 className="pairing__title">{t('pairing.title')}</h1>
      {pairingCode ? (
        <>
          <p className="pairing__instructions">{t('pairing.instructions')}</p>
          <div className="pairing__code tabular" data-testid="pairing-code" aria-label={pairingCode}>
            {Array.from(pairingCode).map((digit, index) => (
              <span className="pairing__digit" key={index}>
                {digit}
              </span>
            ))}
          </div>
        </>
      ) : (
        <p className="pairing__instructions" data-testid="pairing-waiting">
          {t('pairing.waiting')}
        </p>
      )}
      {controllerUrl && (
        <p className="pairing__controller" data-testid="pairing-controller-url">
          {controllerUrl}
        </p>
      )}
    </section>
  );
}
