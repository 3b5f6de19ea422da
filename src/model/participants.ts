/** A memorandum of conversation's participants, one by one, whether listed alone or in groups. */
import type { DocumentMetadata } from "./schema.js";

type Participant = NonNullable<DocumentMetadata["participants"]>[number];
export type ParticipantItem = Exclude<Participant, { group: string }>;

/** Each participant with its field in the front matter, for messages: "participants.1" or "participants.0.members.2". */
export function participantItems(
  participants: DocumentMetadata["participants"] | undefined,
): { item: ParticipantItem; field: string }[] {
  return (participants ?? []).flatMap((p, i) =>
    typeof p === "object" && "group" in p
      ? p.members.map((item, j) => ({ item, field: `participants.${i}.members.${j}` }))
      : [{ item: p, field: `participants.${i}` }],
  );
}
