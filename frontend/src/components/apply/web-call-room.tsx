import {
  BarVisualizer,
  LiveKitRoom,
  RoomAudioRenderer,
  StartAudio,
  TrackToggle,
  useVoiceAssistant,
} from '@livekit/components-react';
import { Track } from 'livekit-client';
import { useState } from 'react';
import { errorMessage } from '../../lib/api';

/**
 * Web mode: the candidate joins the LiveKit room with the microphone; the agent's voice plays
 * through RoomAudioRenderer. The token is short-lived and minted by the backend for this room only.
 * The candidate can mute and can end the screen; closing the tab instead is taken as a dropped
 * connection, which the assistant waits a minute for.
 */
export default function WebCallRoom({
  url,
  token,
  onEnd,
}: {
  url: string;
  token: string;
  /** Ends the screen for good (the backend removes the candidate; the assistant hangs up). */
  onEnd: () => Promise<void>;
}) {
  const [error, setError] = useState<string | undefined>();
  return (
    <LiveKitRoom
      serverUrl={url}
      token={token}
      connect
      audio
      video={false}
      onError={(failure) => setError(failure.message)}
      onMediaDeviceFailure={() =>
        setError('The microphone is not available. Allow it in the browser, then try again.')
      }
      className="web-call"
    >
      <AgentVisualizer />
      <RoomAudioRenderer />
      {/* A page reloaded mid-screen rejoins with no click, and browsers then keep it silent
          until one: this button shows only while the assistant cannot be heard. */}
      <StartAudio label="Click to hear the assistant" className="primary" />
      <CallControls
        onEnd={() =>
          onEnd().catch((failure: unknown) => {
            setError(errorMessage(failure));
            throw failure;
          })
        }
      />
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </LiveKitRoom>
  );
}

/** Mute, and "End the screen" with a second click to confirm: an ended screen cannot resume. */
function CallControls({ onEnd }: { onEnd: () => Promise<void> }) {
  const [step, setStep] = useState<'idle' | 'confirming' | 'ending'>('idle');
  const [isMicOn, setIsMicOn] = useState(true);
  return (
    <div className="button-row call-controls">
      <TrackToggle
        source={Track.Source.Microphone}
        showIcon={false}
        className="secondary"
        onChange={(enabled) => setIsMicOn(enabled)}
      >
        {isMicOn ? 'Mute' : 'Unmute'}
      </TrackToggle>
      {step === 'idle' && (
        <button type="button" className="secondary" onClick={() => setStep('confirming')}>
          End the screen
        </button>
      )}
      {step !== 'idle' && (
        <span role="group" aria-label="End the screen?" className="confirm-end">
          <span className="small">
            End the screen now? What you have said is kept for the recruiting team, and the screen
            cannot be picked up again.
          </span>
          <button
            type="button"
            className="danger"
            disabled={step === 'ending'}
            onClick={() => {
              setStep('ending');
              onEnd().catch(() => setStep('confirming'));
            }}
          >
            {step === 'ending' ? 'Ending…' : 'Yes, end it'}
          </button>
          <button
            type="button"
            className="secondary"
            disabled={step === 'ending'}
            onClick={() => setStep('idle')}
          >
            Keep going
          </button>
        </span>
      )}
    </div>
  );
}

function AgentVisualizer() {
  const { state, audioTrack } = useVoiceAssistant();
  return (
    <div className="visualizer" aria-label={`The assistant is ${state}`} role="img">
      {audioTrack === undefined ? (
        <p className="muted">Waiting for the assistant to join…</p>
      ) : (
        <BarVisualizer state={state} track={audioTrack} barCount={7} />
      )}
    </div>
  );
}
