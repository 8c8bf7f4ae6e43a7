import {
  BarVisualizer,
  LiveKitRoom,
  RoomAudioRenderer,
  StartAudio,
  useVoiceAssistant,
} from '@livekit/components-react';
import { useState } from 'react';

/**
 * Web mode: the candidate joins the LiveKit room with the microphone; the agent's voice plays
 * through RoomAudioRenderer. The token is short-lived and minted by the backend for this room only.
 */
export default function WebCallRoom({ url, token }: { url: string; token: string }) {
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
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </LiveKitRoom>
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
