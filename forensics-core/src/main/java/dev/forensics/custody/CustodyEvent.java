package dev.forensics.custody;

import dev.forensics.hash.DigestSet;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An event to record, before it is numbered, dated, chained and signed: its type, the item (exhibit
 * number) it concerns, its text fields, hashes and re-hash outcome. The constructor checks the fields
 * against {@link EventType#required()} and {@link EventType#allowed()}.
 *
 * <p>{@code seal-intact} is given as text {@code yes}/{@code no} (or {@code true}/{@code false}) and
 * recorded as a JSON boolean.
 */
public record CustodyEvent(
    EventType type, Optional<String> item, Map<String, String> fields, DigestSet hashes, Optional<ItemRehash> rehash) {

  /**
   * @throws InvalidEventException naming the first missing or unknown field, or a bad value
   */
  public CustodyEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(hashes, "hashes");
    Objects.requireNonNull(rehash, "rehash");
    if (type == EventType.INIT) {
      throw new InvalidEventException("init: a ledger is opened with 'custody init', not recorded as an event");
    }
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    if (type.needsItem() && item.isEmpty()) {
      throw new InvalidEventException(type.id() + ": missing required field 'item' (the exhibit number)");
    }
    item.ifPresent(CustodyEvent::checkItem);
    for (Map.Entry<String, String> f : fields.entrySet()) {
      String k = f.getKey();
      if (k.equals("hashes") || k.equals("rehash") || k.equals("custodians") || !type.allowed().contains(k)) {
        throw new InvalidEventException(
            type.id() + ": unknown field '" + k + "'; allowed: " + String.join(", ", type.allowed()));
      }
      if (f.getValue() == null || f.getValue().isBlank()) {
        throw new InvalidEventException(type.id() + ": field '" + k + "' is empty");
      }
      if (k.equals("seal-intact")) {
        parseYesNo(f.getValue());
      }
    }
    if (!hashes.isEmpty() && !type.allowed().contains("hashes")) {
      throw new InvalidEventException(type.id() + ": unknown field 'hashes'; allowed: " + String.join(", ", type.allowed()));
    }
    if (rehash.isPresent() && !type.allowed().contains("rehash")) {
      throw new InvalidEventException(type.id() + ": a re-hash of the item (--verify-item) is recorded only on transfer, check-in and verify");
    }
    for (String r : type.required()) {
      boolean present =
          r.equals("hashes") ? !hashes.isEmpty() : r.equals("rehash") ? rehash.isPresent() : fields.containsKey(r);
      if (!present) {
        throw new InvalidEventException(type.id() + ": missing required field '" + r + "'");
      }
    }
  }

  /** An event with text fields only. */
  public static CustodyEvent of(EventType type, String itemOrNull, Map<String, String> fields) {
    return new CustodyEvent(type, Optional.ofNullable(itemOrNull), fields, DigestSet.empty(), Optional.empty());
  }

  /** A copy with these hashes. */
  public CustodyEvent withHashes(DigestSet h) {
    return new CustodyEvent(type, item, fields, h, rehash);
  }

  /** A copy with this re-hash outcome. */
  public CustodyEvent withRehash(ItemRehash r) {
    return new CustodyEvent(type, item, fields, hashes, Optional.of(r));
  }

  /** {@code yes}/{@code true} or {@code no}/{@code false}, any case. */
  static boolean parseYesNo(String v) {
    switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "yes":
      case "true":
        return true;
      case "no":
      case "false":
        return false;
      default:
        throw new InvalidEventException("seal-intact must be yes or no, got '" + v + "'");
    }
  }

  static String checkItem(String item) {
    if (item.isBlank() || item.length() > 200 || item.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new InvalidEventException("an item (exhibit number) is 1-200 characters without control characters: '" + item + "'");
    }
    return item;
  }
}
