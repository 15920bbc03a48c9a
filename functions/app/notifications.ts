/**
 * `GET /v1/notifications` and `POST /v1/notifications/read`: the caller's notifications from every
 * audience they belong to (their role's, or each unit they head), newest first, with how many are
 * unread. A caller only ever reads and marks their own audiences: an id from another audience is a
 * 403, an id that does not exist a 404, each naming the id's place in the request.
 */
import { type Principal, requireAllowed } from "#core/authorize";
import { ForbiddenError, NotFoundError, ValidationError } from "#core/errors";
import {
  type Audience,
  audiencesOf,
  isRead,
  NOTHING_READ,
  notificationId,
  parseNotificationId,
  type ReadState,
} from "#core/notifications";
import type { PageRequest } from "#http/route";
import type { MarkReadRequest, Notification, NotificationsQuery } from "#schemas/notification";
import {
  existingNotifications,
  markPositionsRead,
  markReadThrough,
  pairKey,
  readAudience,
  readPositionsAfter,
  readReadStates,
} from "#store/notification-store";

/** Unread positions across the caller's audiences, each event once. */
const unreadCount = async (
  audiences: readonly Audience[],
  states: Map<Audience, ReadState>,
): Promise<number> => {
  const unread = new Set<string>();
  await Promise.all(
    audiences.map(async (audience) => {
      const state = states.get(audience) ?? NOTHING_READ;
      for (const position of await readPositionsAfter(audience, state.readThrough))
        if (!state.readPositions.has(position)) unread.add(position);
    }),
  );
  return unread.size;
};

export const listNotifications = async (
  query: NotificationsQuery,
  principal: Principal,
  page: PageRequest,
): Promise<{ items: Notification[]; next?: string; unread: number }> => {
  requireAllowed(principal, "notifications.read");
  const audiences = audiencesOf(principal);
  if (audiences.length === 0) return { items: [], unread: 0 };
  const states = await readReadStates(principal.sub, audiences);
  const before = typeof page.after === "string" ? page.after : undefined;
  const unreadOnly = query.unreadOnly === "true";
  const pages = await Promise.all(
    audiences.map((audience) => {
      const state = states.get(audience) ?? NOTHING_READ;
      return readAudience(audience, {
        limit: page.limit + 1,
        ...(before !== undefined ? { before } : {}),
        ...(unreadOnly && state.readThrough !== undefined ? { after: state.readThrough } : {}),
        ...(unreadOnly ? { skip: state.readPositions } : {}),
      });
    }),
  );
  // A caller in two audiences of one event (a cco who also heads a unit) sees it once.
  const seen = new Set<string>();
  const merged = pages
    .flat()
    .sort((a, b) => (a.position < b.position ? 1 : a.position > b.position ? -1 : 0))
    .filter((p) => !seen.has(p.position) && Boolean(seen.add(p.position)));
  const shown = merged.slice(0, page.limit);
  return {
    items: shown.map(({ audience, position, notification }) => ({
      id: notificationId(audience, position),
      ...notification,
      read: isRead(position, states.get(audience) ?? NOTHING_READ),
    })),
    ...(merged.length > page.limit ? { next: shown[shown.length - 1]?.position } : {}),
    unread: await unreadCount(audiences, states),
  };
};

const markAllRead = async (principal: Principal, audiences: readonly Audience[]) => {
  await Promise.all(
    audiences.map(async (audience) => {
      const [newest] = await readAudience(audience, { limit: 1 });
      if (newest) await markReadThrough(principal.sub, audience, newest.position);
    }),
  );
};

const markRead = async (principal: Principal, audiences: readonly Audience[], ids: readonly string[]) => {
  const mine = new Set(audiences);
  const wanted = ids.map((id, i) => {
    const parsed = parseNotificationId(id);
    if (!parsed)
      throw new ValidationError("Invalid notification id", [
        { path: `ids.${i}`, message: "Not a notification id" },
      ]);
    if (!mine.has(parsed.audience))
      throw new ForbiddenError(`ids.${i}: that notification is not addressed to you`);
    return parsed;
  });
  // The same event in another of the caller's audiences is the same notification to them.
  const pairs = wanted.flatMap(({ position }) => audiences.map((audience) => ({ audience, position })));
  const existing = await existingNotifications(pairs);
  wanted.forEach(({ audience, position }, i) => {
    if (!existing.has(pairKey(audience, position)))
      throw new NotFoundError(`ids.${i}: no such notification (it may have expired)`);
  });
  const states = await readReadStates(principal.sub, audiences);
  await Promise.all(
    audiences.map((audience) => {
      const state = states.get(audience) ?? NOTHING_READ;
      const positions = pairs
        .filter((p) => p.audience === audience && existing.has(pairKey(audience, p.position)))
        .map((p) => p.position)
        .filter((position) => !isRead(position, state));
      return markPositionsRead(principal.sub, audience, positions);
    }),
  );
};

export const markNotificationsRead = async (
  request: MarkReadRequest,
  principal: Principal,
): Promise<{ unread: number }> => {
  requireAllowed(principal, "notifications.read");
  const audiences = audiencesOf(principal);
  if (request.ids) {
    if (audiences.length === 0) throw new ForbiddenError("ids.0: that notification is not addressed to you");
    await markRead(principal, audiences, request.ids);
  } else await markAllRead(principal, audiences);
  return { unread: await unreadCount(audiences, await readReadStates(principal.sub, audiences)) };
};
