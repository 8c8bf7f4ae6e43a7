import { DisconnectReason } from '@livekit/protocol';
import {
  AccessToken,
  AgentDispatchClient,
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  S3Upload,
  SipCallError,
  SipClient,
  WebhookReceiver,
  type ServerError,
} from 'livekit-server-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startLiveKitEmulator, type LiveKitEmulator } from './livekit-emulator.js';
import type { SignedWebhook } from './webhook-signer.js';

const KEY = 'APIemulator';
const SECRET = 'emulator-secret-emulator-secret-0123456789';
const TRUNK = 'ST_test';

describe('LiveKit emulator', () => {
  let emulator: LiveKitEmulator;
  let delivered: SignedWebhook[];
  let sip: SipClient;
  let dispatch: AgentDispatchClient;
  let rooms: RoomServiceClient;

  beforeEach(async () => {
    delivered = [];
    emulator = await startLiveKitEmulator({
      apiKey: KEY,
      apiSecret: SECRET,
      sipTrunkIds: [TRUNK],
      departureTimeoutMs: 5,
      scripts: {
        '+12025550101': { kind: 'reject', sipStatusCode: 486, afterMs: 5 },
        '+12025550102': { kind: 'timeout' },
        '+12025550103': { kind: 'reject', sipStatusCode: 603, afterMs: 5 },
      },
      deliverWebhook: (webhook) => {
        delivered.push(webhook);
        return Promise.resolve();
      },
    });
    sip = new SipClient(emulator.url, KEY, SECRET, { failover: false });
    dispatch = new AgentDispatchClient(emulator.url, KEY, SECRET);
    rooms = new RoomServiceClient(emulator.url, KEY, SECRET);
  });

  afterEach(async () => {
    await emulator.stop();
  });

  it('dials, opens the room the SIP participant joined, and accepts a dispatch into it', async () => {
    const info = await sip.createSipParticipant(TRUNK, '+12133734253', 'room-1', {
      participantIdentity: 'callee',
      ringingTimeout: 20,
      maxCallDuration: 600,
      krispEnabled: true,
    });
    expect(info.roomName).toBe('room-1');
    const created = await dispatch.createDispatch('room-1', 'screener', { metadata: '{"a":1}' });
    expect(created.agentName).toBe('screener');
    expect(emulator.dispatches).toHaveLength(1);
    const body = emulator.callsTo('CreateSIPParticipant')[0]?.body;
    expect(body).toMatchObject({
      ringingTimeout: '20s',
      maxCallDuration: '600s',
      krispEnabled: true,
    });
    const participants = await rooms.listParticipants('room-1');
    expect(['dialing', 'active']).toContain(participants[0]?.attributes['sip.callStatus']);
    await emulator.flushWebhooks();
    expect(emulator.webhooks.map((w) => w.event)).toEqual(['room_started', 'participant_joined']);
  });

  it('a dispatch into a room that does not exist creates it, as livekit-server with room.auto_create does', async () => {
    const sent = await dispatch.createDispatch('nowhere', 'screener');
    expect(sent.room).toBe('nowhere');
    expect(emulator.rooms.has('nowhere')).toBe(true);
  });

  it('refuses a token signed with another secret', async () => {
    const forged = new SipClient(emulator.url, KEY, 'another-secret-another-secret-0123456789', {
      failover: false,
    });
    await expect(forged.createSipParticipant(TRUNK, '+12133734253', 'r')).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    });
    expect(emulator.rooms.size).toBe(0);
  });

  it('refuses a dial without the sip.call grant and a dispatch without roomAdmin for the room', async () => {
    const token = new AccessToken(KEY, SECRET, { ttl: '1m' });
    token.addGrant({ roomAdmin: true, room: 'other' });
    const jwt = await token.toJwt();
    const post = (method: string, body: unknown): Promise<Response> =>
      fetch(`${emulator.url}/twirp/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body: JSON.stringify(body),
      });
    const dial = await post('livekit.SIP/CreateSIPParticipant', {
      sipTrunkId: TRUNK,
      sipCallTo: '+12133734253',
      roomName: 'r',
    });
    expect(dial.status).toBe(403);
    await sip.createSipParticipant(TRUNK, '+12133734253', 'r');
    const wrongRoom = await post('livekit.AgentDispatchService/CreateDispatch', {
      room: 'r',
      agentName: 'screener',
    });
    expect(wrongRoom.status).toBe(403);
  });

  it('refuses unknown fields, wrong types, unknown routes and unknown trunks', async () => {
    const token = new AccessToken(KEY, SECRET, { ttl: '1m' });
    token.addSIPGrant({ call: true });
    const jwt = await token.toJwt();
    const post = (path: string, body: string): Promise<Response> =>
      fetch(`${emulator.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${jwt}` },
        body,
      });
    const unknownField = await post(
      '/twirp/livekit.SIP/CreateSIPParticipant',
      JSON.stringify({ sipTrunkId: TRUNK, sipCallTo: '+12133734253', roomName: 'r', bogus: 1 }),
    );
    expect(unknownField.status).toBe(400);
    expect(await unknownField.json()).toMatchObject({ code: 'malformed' });
    const wrongType = await post(
      '/twirp/livekit.SIP/CreateSIPParticipant',
      JSON.stringify({
        sipTrunkId: TRUNK,
        sipCallTo: '+12133734253',
        roomName: 'r',
        ringingTimeout: 'soon',
      }),
    );
    expect(wrongType.status).toBe(400);
    expect((await post('/twirp/livekit.SIP/NoSuchMethod', '{}')).status).toBe(404);
    await expect(sip.createSipParticipant('ST_unknown', '+12133734253', 'r')).rejects.toMatchObject(
      { status: 404 },
    );
    await expect(sip.createSipParticipant(TRUNK, '2133734253', 'r')).rejects.toMatchObject({
      status: 400,
    });
    expect(emulator.rooms.size).toBe(0);
  });

  it('plays scripted outcomes: busy and decline as SipCallError, timeout as 408', async () => {
    const busy = await sip
      .createSipParticipant(TRUNK, '+12025550101', 'busy', { waitUntilAnswered: true })
      .catch((error: unknown) => error);
    expect(busy).toBeInstanceOf(SipCallError);
    expect((busy as SipCallError).sipStatusCode).toBe(486);
    const declined = await sip
      .createSipParticipant(TRUNK, '+12025550103', 'declined', { waitUntilAnswered: true })
      .catch((error: unknown) => error);
    expect((declined as SipCallError).sipStatusCode).toBe(603);
    const timeout = await sip
      .createSipParticipant(TRUNK, '+12025550102', 'timeout', {
        waitUntilAnswered: true,
        ringingTimeout: 5,
      })
      .catch((error: unknown) => error);
    expect((timeout as SipCallError).sipStatusCode).toBe(408);
    const answered = await sip.createSipParticipant(TRUNK, '+12133734253', 'ok', {
      waitUntilAnswered: true,
    });
    expect(answered.roomName).toBe('ok');
  });

  it('reports a failure without waitUntilAnswered as the participant leaving with a reason', async () => {
    await sip.createSipParticipant(TRUNK, '+12025550101', 'busy-async', {
      participantIdentity: 'callee',
    });
    await waitFor(() => emulator.webhooks.some((w) => w.event === 'room_finished'));
    const left = emulator.webhooks.find((w) => w.event === 'participant_left');
    expect(left?.participant?.disconnectReason).toBe(DisconnectReason.USER_REJECTED);
    expect(left?.participant?.attributes['sip.callStatus']).toBe('hangup');
  });

  it('signs webhooks the way LiveKit does, and a tampered body fails verification', async () => {
    await sip.createSipParticipant(TRUNK, '+12133734253', 'signed');
    await emulator.flushWebhooks();
    const receiver = new WebhookReceiver(KEY, SECRET);
    const first = delivered[0];
    expect(first?.headers['content-type']).toBe('application/webhook+json');
    if (first === undefined) throw new Error('no webhook delivered');
    const event = await receiver.receive(first.body, first.headers.authorization);
    expect(event.event).toBe('room_started');
    expect(event.id).toMatch(/^EV_/);
    await expect(
      receiver.receive(
        first.body.replace('room_started', 'room_finished'),
        first.headers.authorization,
      ),
    ).rejects.toThrow(/sha256/);
  });

  it('deletes a room: the callee leaves, recordings end, the room finishes; a second delete is 404', async () => {
    await sip.createSipParticipant(TRUNK, '+12133734253', 'gone', {
      participantIdentity: 'callee',
    });
    const egress = new EgressClient(emulator.url, KEY, SECRET);
    const file = new EncodedFileOutput({
      fileType: EncodedFileType.OGG,
      filepath: 'rec/{room_name}.ogg',
      output: {
        case: 's3',
        value: new S3Upload({ bucket: 'b', region: 'r', accessKey: 'a', secret: 's' }),
      },
    });
    await egress.startRoomCompositeEgress('gone', { file }, { audioOnly: true });
    await rooms.deleteRoom('gone');
    await emulator.flushWebhooks();
    const events = emulator.webhooks.map((w) => w.event);
    expect(events.slice(-3)).toEqual(['participant_left', 'egress_ended', 'room_finished']);
    const ended = emulator.webhooks.find((w) => w.event === 'egress_ended');
    expect(ended?.egressInfo?.fileResults[0]?.location).toBe('s3://b/rec/gone.ogg');
    await expect(rooms.deleteRoom('gone')).rejects.toMatchObject({ status: 404 });
  });

  it('can refuse connections or hang, so clients see transport errors and timeouts', async () => {
    emulator.availability = 'refuse';
    await expect(rooms.listRooms()).rejects.toBeInstanceOf(Error);
    emulator.availability = 'hang';
    const slow = new RoomServiceClient(emulator.url, KEY, SECRET, { requestTimeout: 0.2 });
    const error = (await slow.listRooms().catch((e: unknown) => e)) as ServerError;
    expect(error.name).toMatch(/TimeoutError|AbortError/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
