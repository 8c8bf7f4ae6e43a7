import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  AgentDispatch,
  CreateAgentDispatchRequest,
  CreateRoomRequest,
  CreateSIPParticipantRequest,
  DeleteRoomRequest,
  DeleteRoomResponse,
  DisconnectReason,
  EgressInfo,
  EgressStatus,
  FileInfo,
  ListParticipantsRequest,
  ListParticipantsResponse,
  ListRoomsRequest,
  ListRoomsResponse,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
  RoomCompositeEgressRequest,
  Room,
  RoomParticipantIdentity,
  RemoveParticipantResponse,
  SIPParticipantInfo,
  StopEgressRequest,
  WebhookEvent,
  protoInt64,
} from '@livekit/protocol';
import { TokenVerifier, type ClaimGrants } from 'livekit-server-sdk';
import { SIP_REASON_PHRASES, type SipScript } from './sip-script.js';
import { TwirpFailure } from './twirp-error.js';
import { signWebhook, type SignedWebhook } from './webhook-signer.js';

export interface LiveKitEmulatorOptions {
  apiKey: string;
  apiSecret: string;
  /** Outbound trunks that exist; a dial on any other is refused like the real server does. */
  sipTrunkIds?: string[];
  /** Carrier behaviour per dialed E.164 number. */
  scripts?: Record<string, SipScript>;
  /** For numbers without a script. */
  defaultScript?: SipScript;
  /** Milliseconds of wall clock per second of `ringingTimeout` (a 30 s ring lasts 30 ms by default). */
  ringScaleMs?: number;
  /** How long an empty room lingers after its last participant left (LiveKit's departure timeout). */
  departureTimeoutMs?: number;
  /**
   * The carrier's calls-per-second limit (LOAD-2): a dial past it, counted over the trailing second,
   * fails with SIP 503 as a carrier's does. Unset: no limit.
   */
  carrierCallsPerSecond?: number;
  /** Delay added before answering every request, to model network and server time. */
  latencyMs?: number;
  /** Where signed webhooks go; without it they are only recorded. */
  deliverWebhook?: (webhook: SignedWebhook) => Promise<void>;
}

/** One request the emulator received, recorded before any latency, auth or validation. */
export interface ReceivedCall {
  service: string;
  method: string;
  /** `performance.now()` when the request line arrived. */
  receivedAt: number;
  body: unknown;
  /** The HTTP status the emulator answered with (0 while pending or when the connection was cut). */
  status: number;
  requestId: string | undefined;
}

/** How the emulated server is reachable: up, refusing connections, or accepting and never answering. */
export type Availability = 'up' | 'refuse' | 'hang' | 'unavailable';

interface EmulatedRoom {
  room: Room;
  participants: Map<string, ParticipantInfo>;
  timers: Set<NodeJS.Timeout>;
  /** Dials still waiting for an answer: the room going away ends them (the phone gets CANCEL). */
  pendingDials: Set<() => void>;
  egresses: EgressInfo[];
  dispatches: AgentDispatch[];
}

type Handler = (body: string, grants: ClaimGrants) => Promise<{ toJsonString(): string }>;

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * A strict stand-in for the LiveKit server API, for tests: the real Twirp paths, bodies decoded with
 * the `@livekit/protocol` types (unknown fields refused), grants checked as the server checks them,
 * scripted carriers, and webhooks signed as LiveKit signs them.
 */
export class LiveKitEmulator {
  readonly calls: ReceivedCall[] = [];
  readonly webhooks: WebhookEvent[] = [];
  readonly rooms = new Map<string, EmulatedRoom>();
  /** Every dispatch ever created, including those of rooms since deleted. */
  readonly dispatches: AgentDispatch[] = [];
  availability: Availability = 'up';
  /** Dials the carrier refused with 503 for exceeding its calls per second. */
  carrierRejections = 0;
  private recentDials: number[] = [];
  latencyMs: number;

  private readonly verifier: TokenVerifier;
  private readonly scripts = new Map<string, SipScript>();
  private readonly handlers: Record<string, Handler>;
  private readonly hanging = new Set<ServerResponse>();
  private webhookChain: Promise<void> = Promise.resolve();
  private readonly takenDispatches = new Set<string>();
  private server: Server | undefined;
  private baseUrl = '';

  constructor(private readonly options: LiveKitEmulatorOptions) {
    this.verifier = new TokenVerifier(options.apiKey, options.apiSecret);
    this.latencyMs = options.latencyMs ?? 0;
    for (const [number, script] of Object.entries(options.scripts ?? {})) {
      this.scripts.set(number, script);
    }
    this.handlers = {
      'livekit.SIP/CreateSIPParticipant': (body, grants) => this.createSipParticipant(body, grants),
      'livekit.AgentDispatchService/CreateDispatch': (body, grants) =>
        this.createDispatch(body, grants),
      'livekit.RoomService/CreateRoom': (body, grants) => this.createRoom(body, grants),
      'livekit.RoomService/DeleteRoom': (body, grants) => this.deleteRoom(body, grants),
      'livekit.RoomService/ListRooms': (body, grants) => this.listRooms(body, grants),
      'livekit.RoomService/ListParticipants': (body, grants) => this.listParticipants(body, grants),
      'livekit.RoomService/RemoveParticipant': (body, grants) =>
        this.removeParticipant(body, grants),
      'livekit.Egress/StartRoomCompositeEgress': (body, grants) =>
        this.startRoomCompositeEgress(body, grants),
      'livekit.Egress/StopEgress': (body, grants) => this.stopEgress(body, grants),
    };
  }

  /** The server's base URL (`http://127.0.0.1:<port>`), what `LIVEKIT_URL` points at in tests. */
  get url(): string {
    return this.baseUrl;
  }

  async start(): Promise<this> {
    const server = createServer((request, response) => {
      void this.onRequest(request, response);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const room of this.rooms.values()) for (const timer of room.timers) clearTimeout(timer);
    for (const response of this.hanging) response.destroy();
    const server = this.server;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await this.webhookChain;
  }

  setScript(phoneE164: string, script: SipScript): void {
    this.scripts.set(phoneE164, script);
  }

  /** Calls received for one method, e.g. `callsTo('CreateSIPParticipant')`. */
  callsTo(method: string): ReceivedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves once every webhook queued so far has been delivered. */
  async flushWebhooks(): Promise<void> {
    await this.webhookChain;
  }

  /**
   * A worker takes the room's oldest dispatch not yet taken: its agent joins (`agent-AJ_…`, kind
   * AGENT), as the real server's job assignment does. Undefined when no dispatch is waiting.
   */
  takeDispatch(roomName: string): string | undefined {
    const room = this.rooms.get(roomName);
    const dispatch = room?.dispatches.find((item) => !this.takenDispatches.has(item.id));
    if (room === undefined || dispatch === undefined) return undefined;
    this.takenDispatches.add(dispatch.id);
    const identity = `agent-AJ_${randomId()}`;
    const participant = new ParticipantInfo({
      sid: `PA_${randomId()}`,
      identity,
      kind: ParticipantInfo_Kind.AGENT,
      state: ParticipantInfo_State.ACTIVE,
      joinedAt: protoInt64.parse(Math.floor(Date.now() / 1000)),
    });
    room.participants.set(identity, participant);
    this.emit('participant_joined', room, { participant });
    return identity;
  }

  /** The callee hangs up (or the agent leaves): the participant leaves with the given reason. */
  disconnectParticipant(
    roomName: string,
    identity: string,
    reason: DisconnectReason = DisconnectReason.CLIENT_INITIATED,
  ): void {
    const room = this.rooms.get(roomName);
    const participant = room?.participants.get(identity);
    if (room === undefined || participant === undefined) return;
    this.leave(room, participant, reason);
  }

  private async onRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const received = performance.now();
    const body = await readBody(request);
    const match = /^\/twirp\/([\w.]+)\/(\w+)$/.exec(request.url ?? '');
    const call: ReceivedCall = {
      service: match?.[1] ?? '',
      method: match?.[2] ?? '',
      receivedAt: received,
      body: parseJsonOrText(body),
      status: 0,
      requestId: header(request, 'x-livekit-request-id'),
    };
    this.calls.push(call);

    if (this.availability === 'refuse') {
      request.socket.destroy();
      return;
    }
    if (this.availability === 'hang') {
      this.hanging.add(response);
      response.on('close', () => this.hanging.delete(response));
      return;
    }
    if (this.latencyMs > 0) await sleep(this.latencyMs);

    try {
      if (this.availability === 'unavailable') {
        throw new TwirpFailure('unavailable', 'server is unavailable');
      }
      if (request.method !== 'POST' || match === null) {
        throw new TwirpFailure('bad_route', `no handler for ${request.method} ${request.url}`);
      }
      const handler = this.handlers[`${call.service}/${call.method}`];
      if (handler === undefined) {
        throw new TwirpFailure('bad_route', `no handler for ${call.service}/${call.method}`);
      }
      const contentType = header(request, 'content-type') ?? '';
      if (!contentType.startsWith('application/json')) {
        throw new TwirpFailure('malformed', `unexpected content type ${contentType}`);
      }
      const grants = await this.authenticate(header(request, 'authorization'));
      const result = await handler(body, grants);
      call.status = 200;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(result.toJsonString());
    } catch (error) {
      const failure =
        error instanceof TwirpFailure
          ? error
          : new TwirpFailure('internal', error instanceof Error ? error.message : 'internal error');
      call.status = failure.httpStatus;
      response.writeHead(failure.httpStatus, { 'content-type': 'application/json' });
      response.end(failure.toBody());
    }
  }

  private async authenticate(authorization: string | undefined): Promise<ClaimGrants> {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (match?.[1] === undefined) {
      throw new TwirpFailure('unauthenticated', 'authorization header must be "Bearer <jwt>"');
    }
    try {
      return await this.verifier.verify(match[1]);
    } catch {
      // Any verification failure (signature, issuer, expiry) is the same answer for the caller.
      throw new TwirpFailure('unauthenticated', 'invalid token');
    }
  }

  private async createSipParticipant(
    body: string,
    grants: ClaimGrants,
  ): Promise<SIPParticipantInfo> {
    if (grants.sip?.call !== true) throw new TwirpFailure('permission_denied', 'needs sip.call');
    const request = decode(() => CreateSIPParticipantRequest.fromJsonString(body));
    const trunks = this.options.sipTrunkIds ?? ['ST_emulated'];
    if (!trunks.includes(request.sipTrunkId)) {
      throw new TwirpFailure('not_found', 'requested SIP trunk does not exist');
    }
    if (!E164.test(request.sipCallTo)) {
      throw new TwirpFailure('invalid_argument', 'sip_call_to must be an E.164 number');
    }
    if (request.roomName === '') throw new TwirpFailure('invalid_argument', 'room_name is empty');
    const identity = request.participantIdentity;
    const existing = this.rooms.get(request.roomName);
    if (existing?.participants.has(identity) === true) {
      throw new TwirpFailure('already_exists', 'participant identity already in the room');
    }

    const room = this.openRoom(request.roomName);
    const callId = `SCL_${randomId()}`;
    const participant = new ParticipantInfo({
      sid: `PA_${randomId()}`,
      identity,
      name: request.participantName,
      metadata: request.participantMetadata,
      kind: ParticipantInfo_Kind.SIP,
      state: ParticipantInfo_State.ACTIVE,
      joinedAt: protoInt64.parse(Math.floor(Date.now() / 1000)),
      attributes: {
        ...request.participantAttributes,
        'sip.callID': callId,
        'sip.callStatus': 'dialing',
        'sip.trunkID': request.sipTrunkId,
        ...(request.hidePhoneNumber ? {} : { 'sip.phoneNumber': request.sipCallTo }),
      },
    });
    room.participants.set(identity, participant);
    this.emit('participant_joined', room, { participant });

    const script = this.isOverCarrierLimit()
      ? ({ kind: 'reject', sipStatusCode: 503, afterMs: 0 } as const)
      : (this.scripts.get(request.sipCallTo) ??
        this.options.defaultScript ?? { kind: 'answer', afterMs: 10 });
    const ringingS = Number(request.ringingTimeout?.seconds ?? 30n);
    const outcome = this.playScript(room, participant, script, ringingS);
    const info = new SIPParticipantInfo({
      participantId: participant.sid,
      participantIdentity: identity,
      roomName: request.roomName,
      sipCallId: callId,
    });
    if (!request.waitUntilAnswered) return info;
    const result = await outcome;
    if (result.answered) return info;
    throw sipFailure(result.sipStatusCode);
  }

  private isOverCarrierLimit(): boolean {
    const limit = this.options.carrierCallsPerSecond;
    if (limit === undefined) return false;
    const now = performance.now();
    this.recentDials = this.recentDials.filter((at) => at > now - 1000);
    if (this.recentDials.length >= limit) {
      this.carrierRejections += 1;
      return true;
    }
    this.recentDials.push(now);
    return false;
  }

  /** Plays the carrier's script; resolves when the call is answered or has failed. */
  private playScript(
    room: EmulatedRoom,
    participant: ParticipantInfo,
    script: SipScript,
    ringingS: number,
  ): Promise<{ answered: true } | { answered: false; sipStatusCode: number }> {
    return new Promise((settle) => {
      // Hung up before the answer: the bridge cancels the INVITE (487 Request Terminated).
      const cancel = (): void => settle({ answered: false, sipStatusCode: 487 });
      room.pendingDials.add(cancel);
      const resolve = (
        value: { answered: true } | { answered: false; sipStatusCode: number },
      ): void => {
        room.pendingDials.delete(cancel);
        settle(value);
      };
      const fail = (sipStatusCode: number, reason: DisconnectReason): void => {
        participant.attributes['sip.callStatus'] = 'hangup';
        this.leave(room, participant, reason);
        resolve({ answered: false, sipStatusCode });
      };
      const after = (ms: number, run: () => void): void => {
        const timer = setTimeout(() => {
          room.timers.delete(timer);
          run();
        }, ms);
        room.timers.add(timer);
      };
      switch (script.kind) {
        case 'answer':
          after(script.afterMs, () => {
            participant.attributes['sip.callStatus'] = 'active';
            resolve({ answered: true });
          });
          break;
        case 'reject':
          after(script.afterMs, () =>
            fail(script.sipStatusCode, disconnectReasonFor(script.sipStatusCode)),
          );
          break;
        case 'timeout':
          after(ringingS * (this.options.ringScaleMs ?? 1), () =>
            fail(408, DisconnectReason.USER_UNAVAILABLE),
          );
          break;
      }
    });
  }

  private createDispatch(body: string, grants: ClaimGrants): Promise<AgentDispatch> {
    const request = decode(() => CreateAgentDispatchRequest.fromJsonString(body));
    requireRoomAdmin(grants, request.room);
    if (request.agentName === '') throw new TwirpFailure('invalid_argument', 'agent_name is empty');
    // As livekit-server v1.13.5 with room.auto_create on (its default): a dispatch into a room that
    // does not exist yet creates it (proved on the real server: real-stack/phone-mode.livekit.ts).
    const room = this.openRoom(request.room);
    const dispatch = new AgentDispatch({
      id: `AD_${randomId()}`,
      agentName: request.agentName,
      room: request.room,
      metadata: request.metadata,
    });
    room.dispatches.push(dispatch);
    this.dispatches.push(dispatch);
    return Promise.resolve(dispatch);
  }

  private createRoom(body: string, grants: ClaimGrants): Promise<Room> {
    if (grants.video?.roomCreate !== true) {
      throw new TwirpFailure('permission_denied', 'needs roomCreate');
    }
    const request = decode(() => CreateRoomRequest.fromJsonString(body));
    if (request.name === '') throw new TwirpFailure('invalid_argument', 'name is empty');
    const room = this.openRoom(request.name);
    for (const agent of request.agents) {
      const dispatch = new AgentDispatch({
        id: `AD_${randomId()}`,
        agentName: agent.agentName,
        room: request.name,
        metadata: agent.metadata,
      });
      room.dispatches.push(dispatch);
      this.dispatches.push(dispatch);
    }
    return Promise.resolve(room.room);
  }

  private deleteRoom(body: string, grants: ClaimGrants): Promise<DeleteRoomResponse> {
    if (grants.video?.roomCreate !== true) {
      throw new TwirpFailure('permission_denied', 'needs roomCreate');
    }
    const request = decode(() => DeleteRoomRequest.fromJsonString(body));
    const room = this.rooms.get(request.room);
    if (room === undefined) throw new TwirpFailure('not_found', 'requested room does not exist');
    this.closeRoom(room, DisconnectReason.ROOM_DELETED);
    return Promise.resolve(new DeleteRoomResponse());
  }

  private listRooms(body: string, grants: ClaimGrants): Promise<ListRoomsResponse> {
    if (grants.video?.roomList !== true)
      throw new TwirpFailure('permission_denied', 'needs roomList');
    const request = decode(() => ListRoomsRequest.fromJsonString(body));
    const rooms = [...this.rooms.values()]
      .map((room) => room.room)
      .filter((room) => request.names.length === 0 || request.names.includes(room.name));
    return Promise.resolve(new ListRoomsResponse({ rooms }));
  }

  private listParticipants(body: string, grants: ClaimGrants): Promise<ListParticipantsResponse> {
    const request = decode(() => ListParticipantsRequest.fromJsonString(body));
    requireRoomAdmin(grants, request.room);
    const room = this.rooms.get(request.room);
    if (room === undefined) throw new TwirpFailure('not_found', 'requested room does not exist');
    return Promise.resolve(
      new ListParticipantsResponse({ participants: [...room.participants.values()] }),
    );
  }

  private removeParticipant(body: string, grants: ClaimGrants): Promise<RemoveParticipantResponse> {
    const request = decode(() => RoomParticipantIdentity.fromJsonString(body));
    requireRoomAdmin(grants, request.room);
    const room = this.rooms.get(request.room);
    const participant = room?.participants.get(request.identity);
    if (room === undefined || participant === undefined) {
      throw new TwirpFailure('not_found', 'participant does not exist');
    }
    this.leave(room, participant, DisconnectReason.PARTICIPANT_REMOVED);
    return Promise.resolve(new RemoveParticipantResponse());
  }

  private startRoomCompositeEgress(body: string, grants: ClaimGrants): Promise<EgressInfo> {
    if (grants.video?.roomRecord !== true) {
      throw new TwirpFailure('permission_denied', 'needs roomRecord');
    }
    const request = decode(() => RoomCompositeEgressRequest.fromJsonString(body));
    const room = this.rooms.get(request.roomName);
    if (room === undefined) throw new TwirpFailure('not_found', 'requested room does not exist');
    // The SDK sends `fileOutputs`; the deprecated single `file` output is refused like a missing one.
    const file = request.fileOutputs[0];
    if (file === undefined) throw new TwirpFailure('invalid_argument', 'no file output');
    const bucket = file.output.case === 's3' ? file.output.value.bucket : 'local';
    const egress = new EgressInfo({
      egressId: `EG_${randomId()}`,
      roomId: room.room.sid,
      roomName: room.room.name,
      status: EgressStatus.EGRESS_ACTIVE,
      startedAt: protoInt64.parse(Date.now() * 1_000_000),
      fileResults: [
        new FileInfo({
          filename: file.filepath,
          location: `s3://${bucket}/${file.filepath.replace('{room_name}', room.room.name)}`,
        }),
      ],
    });
    room.egresses.push(egress);
    this.emit('egress_started', room, { egressInfo: egress });
    return Promise.resolve(egress);
  }

  /** Ends an active egress; its file is uploaded with what was recorded, then `egress_ended`. */
  private stopEgress(body: string, grants: ClaimGrants): Promise<EgressInfo> {
    if (grants.video?.roomRecord !== true) {
      throw new TwirpFailure('permission_denied', 'needs roomRecord');
    }
    const request = decode(() => StopEgressRequest.fromJsonString(body));
    for (const room of this.rooms.values()) {
      const egress = room.egresses.find((item) => item.egressId === request.egressId);
      if (egress === undefined) continue;
      if (egress.status !== EgressStatus.EGRESS_ACTIVE) {
        throw new TwirpFailure('failed_precondition', 'egress is not active');
      }
      this.endEgress(room, egress);
      return Promise.resolve(egress);
    }
    throw new TwirpFailure('not_found', 'egress does not exist');
  }

  private endEgress(room: EmulatedRoom, egress: EgressInfo): void {
    egress.status = EgressStatus.EGRESS_COMPLETE;
    egress.endedAt = protoInt64.parse(Date.now() * 1_000_000);
    this.emit('egress_ended', room, { egressInfo: egress });
  }

  private openRoom(name: string): EmulatedRoom {
    const existing = this.rooms.get(name);
    if (existing !== undefined) return existing;
    const room: EmulatedRoom = {
      room: new Room({
        sid: `RM_${randomId()}`,
        name,
        creationTime: protoInt64.parse(Math.floor(Date.now() / 1000)),
        emptyTimeout: 300,
        departureTimeout: 20,
      }),
      participants: new Map(),
      timers: new Set(),
      pendingDials: new Set(),
      egresses: [],
      dispatches: [],
    };
    this.rooms.set(name, room);
    this.emit('room_started', room, {});
    return room;
  }

  private leave(room: EmulatedRoom, participant: ParticipantInfo, reason: DisconnectReason): void {
    if (!room.participants.delete(participant.identity)) return;
    participant.state = ParticipantInfo_State.DISCONNECTED;
    participant.disconnectReason = reason;
    if (participant.kind === ParticipantInfo_Kind.SIP) {
      participant.attributes['sip.callStatus'] = 'hangup';
    }
    this.emit('participant_left', room, { participant });
    if (room.participants.size === 0 && this.rooms.get(room.room.name) === room) {
      const timer = setTimeout(() => {
        room.timers.delete(timer);
        if (room.participants.size === 0) this.closeRoom(room, DisconnectReason.ROOM_CLOSED);
      }, this.options.departureTimeoutMs ?? 50);
      room.timers.add(timer);
    }
  }

  private closeRoom(room: EmulatedRoom, reason: DisconnectReason): void {
    if (this.rooms.get(room.room.name) !== room) return;
    this.rooms.delete(room.room.name);
    for (const timer of room.timers) clearTimeout(timer);
    room.timers.clear();
    for (const endDial of room.pendingDials) endDial();
    room.pendingDials.clear();
    for (const participant of [...room.participants.values()]) {
      room.participants.delete(participant.identity);
      participant.state = ParticipantInfo_State.DISCONNECTED;
      participant.disconnectReason = reason;
      if (participant.kind === ParticipantInfo_Kind.SIP) {
        participant.attributes['sip.callStatus'] = 'hangup';
      }
      this.emit('participant_left', room, { participant });
    }
    for (const egress of room.egresses) {
      if (egress.status === EgressStatus.EGRESS_ACTIVE) this.endEgress(room, egress);
    }
    this.emit('room_finished', room, {});
  }

  /** Queues one signed webhook; deliveries go out one at a time, in order, as LiveKit's do. */
  private emit(
    event: string,
    room: EmulatedRoom,
    fields: { participant?: ParticipantInfo; egressInfo?: EgressInfo },
  ): void {
    const webhook = new WebhookEvent({
      event,
      id: `EV_${randomId()}`,
      createdAt: protoInt64.parse(Math.floor(Date.now() / 1000)),
      room: room.room.clone(),
      ...(fields.participant === undefined ? {} : { participant: fields.participant.clone() }),
      ...(fields.egressInfo === undefined ? {} : { egressInfo: fields.egressInfo.clone() }),
    });
    this.webhooks.push(webhook);
    const deliver = this.options.deliverWebhook;
    if (deliver === undefined) return;
    const body = webhook.toJsonString();
    this.webhookChain = this.webhookChain.then(async () => {
      try {
        await deliver(await signWebhook(body, this.options.apiKey, this.options.apiSecret));
      } catch {
        // LiveKit does not stop sending later events when one delivery fails; neither do we.
      }
    });
  }
}

/** Starts an emulator on 127.0.0.1 with a free port. */
export async function startLiveKitEmulator(
  options: LiveKitEmulatorOptions,
): Promise<LiveKitEmulator> {
  return new LiveKitEmulator(options).start();
}

/** The Twirp error a SIP final response becomes with `waitUntilAnswered` (newer server mapping). */
function sipFailure(sipStatusCode: number): TwirpFailure {
  const meta = {
    sip_status_code: String(sipStatusCode),
    sip_status: SIP_REASON_PHRASES[sipStatusCode] ?? 'Unknown',
  };
  if (sipStatusCode === 486 || sipStatusCode === 480) {
    return new TwirpFailure('resource_exhausted', 'callee is busy or unavailable', meta);
  }
  if (sipStatusCode === 603) return new TwirpFailure('permission_denied', 'call declined', meta);
  if (sipStatusCode === 404) return new TwirpFailure('not_found', 'number not found', meta);
  if (sipStatusCode === 408) return new TwirpFailure('unavailable', 'no answer', meta);
  return new TwirpFailure('failed_precondition', 'call failed', meta);
}

/** The disconnect reason LiveKit gives the SIP participant for a carrier's final response. */
function disconnectReasonFor(sipStatusCode: number): DisconnectReason {
  if ([486, 600, 603].includes(sipStatusCode)) return DisconnectReason.USER_REJECTED;
  if ([480, 408, 487].includes(sipStatusCode)) return DisconnectReason.USER_UNAVAILABLE;
  return DisconnectReason.SIP_TRUNK_FAILURE;
}

function requireRoomAdmin(grants: ClaimGrants, roomName: string): void {
  if (grants.video?.roomAdmin !== true)
    throw new TwirpFailure('permission_denied', 'needs roomAdmin');
  if (grants.video.room !== roomName) {
    throw new TwirpFailure('permission_denied', 'token is not for this room');
  }
}

/** Decodes a body with a protocol type; unknown fields and wrong types are refused. */
function decode<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new TwirpFailure(
      'malformed',
      error instanceof Error ? error.message : 'the body does not decode',
    );
  }
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJsonOrText(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    // The raw text is recorded as it came; the handler refuses it as malformed.
    return body;
  }
}

function randomId(): string {
  return randomBytes(6).toString('hex');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
