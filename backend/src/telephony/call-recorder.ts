import {
  EncodedFileOutput,
  EncodedFileType,
  S3Upload,
  type EgressClient,
} from 'livekit-server-sdk';
import type { RecordingStorage } from '../recordings/recording-bucket.js';

/** Starts the audio-only room-composite recording of a call (LAW-5: only once the candidate agreed). */
export class CallRecorder {
  constructor(
    private readonly egress: Pick<EgressClient, 'startRoomCompositeEgress' | 'stopEgress'>,
    private readonly storage: RecordingStorage,
  ) {}

  async start(roomName: string): Promise<string> {
    const { storage } = this;
    const file = new EncodedFileOutput({
      fileType: EncodedFileType.OGG,
      filepath: `${storage.prefix}{room_name}-{time}.ogg`,
      output: {
        case: 's3',
        value: new S3Upload({
          bucket: storage.bucket,
          region: storage.region,
          accessKey: storage.accessKey,
          secret: storage.secret,
          ...(storage.endpoint === undefined
            ? {}
            : { endpoint: storage.endpoint, forcePathStyle: true }),
        }),
      },
    });
    const info = await this.egress.startRoomCompositeEgress(
      roomName,
      { file },
      { audioOnly: true },
    );
    return info.egressId;
  }

  /** Stops a recording under way (LAW-5: the candidate declined it). Egress still uploads what it has. */
  async stop(egressId: string): Promise<void> {
    await this.egress.stopEgress(egressId);
  }
}
