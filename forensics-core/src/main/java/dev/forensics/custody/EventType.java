package dev.forensics.custody;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of ledger entry, with the {@code data} fields each requires and allows (ISO/IEC 27037, NIST
 * SP 800-86 and 800-61r2 §3.2.2, common custody forms). Field names are lower-case with hyphens; {@code
 * seal-intact} is a boolean, {@code hashes} an object of algorithm id to hex digest, {@code rehash} the
 * result of {@code --verify-item}, {@code custodians} (init only) an array of name and key; every other
 * field is a string.
 */
public enum EventType {
  /** First entry: opens the ledger of one case and lists the custodians' public keys. */
  INIT("init", false, List.of("case"), List.of("title", "custodians")),
  /** An exhibit enters custody. */
  REGISTER("register", true, List.of("description", "location"),
      List.of("make", "model", "serial", "seal", "hashes", "condition")),
  /** An image is made of the exhibit. */
  ACQUIRE("acquire", true, List.of("tool", "tool-version", "source", "image", "hashes"), List.of("notes")),
  /** The exhibit is sealed. */
  SEAL("seal", true, List.of("seal"), List.of("reason")),
  /** The exhibit is sealed again after being opened. */
  RESEAL("reseal", true, List.of("seal"), List.of("reason", "previous-seal")),
  /** Custody passes from one custodian to another; signed by both. */
  TRANSFER("transfer", true,
      List.of("released-by", "received-by", "purpose", "from", "to", "seal-intact", "condition"),
      List.of("transport", "rehash")),
  /** The holder takes the exhibit out of a store. */
  CHECK_OUT("check-out", true, List.of("purpose", "from", "to"), List.of()),
  /** The holder puts the exhibit back into a store. */
  CHECK_IN("check-in", true, List.of("to", "seal-intact", "condition"), List.of("rehash")),
  /** The exhibit is examined. */
  EXAMINE("examine", true, List.of("tool", "purpose"), List.of("tool-version", "notes")),
  /** The exhibit's hashes are recomputed and compared (needs {@code rehash}). */
  VERIFY("verify", true, List.of("rehash"), List.of("notes")),
  /** The exhibit is destroyed. */
  DISPOSE("dispose", true, List.of("authorizer", "method", "witness"), List.of("notes")),
  /** The exhibit is returned to its owner. */
  RETURN("return", true, List.of("authorizer", "method", "witness", "returned-to"), List.of("notes")),
  /** A free-text remark, about an exhibit or the case. */
  NOTE("note", false, List.of("text"), List.of());

  private final String id;
  private final boolean needsItem;
  private final List<String> required;
  private final Set<String> allowed;

  EventType(String id, boolean needsItem, List<String> required, List<String> optional) {
    this.id = id;
    this.needsItem = needsItem;
    this.required = required;
    java.util.Set<String> all = new java.util.LinkedHashSet<>(required);
    all.addAll(optional);
    this.allowed = java.util.Collections.unmodifiableSet(all);
  }

  /** The name written in the ledger's {@code type} field, e.g. {@code check-out}. */
  public String id() {
    return id;
  }

  /** Whether an entry of this type must name an item (exhibit number). */
  public boolean needsItem() {
    return needsItem;
  }

  /** The {@code data} fields an entry must have, in documentation order. */
  public List<String> required() {
    return required;
  }

  /** The {@code data} fields an entry may have (required ones included). */
  public Set<String> allowed() {
    return allowed;
  }

  /** Whether this event changes who holds the item, or ends custody, and so must be done by the holder. */
  public boolean byHolder() {
    return this != INIT && this != NOTE && this != REGISTER && this != TRANSFER;
  }

  /** The type with this id. */
  public static Optional<EventType> lookup(String id) {
    for (EventType t : values()) {
      if (t.id.equals(id)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The type with this id (case-insensitive). */
  public static EventType fromId(String id) {
    return lookup(id.toLowerCase(Locale.ROOT))
        .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + id + "'; known: " + ids()));
  }

  /** All ids, comma-separated. */
  public static String ids() {
    return String.join(", ", Arrays.stream(values()).map(EventType::id).toList());
  }
}
