package dev.forensics.custody;

import dev.forensics.hash.DigestSet;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where an item stands after the entries read so far: who holds it, where it is, whether it is out of
 * its store or gone, its reference hashes and the last time they were re-checked.
 *
 * @param reference the hashes of the last register or acquire entry with hashes ({@code referenceSeq})
 * @param lastRehash the last re-hash recorded for the item, at {@code lastRehashSeq}
 */
public record ItemStatus(
    String item,
    String description,
    String holder,
    String location,
    State state,
    long lastSeq,
    DigestSet reference,
    OptionalLong referenceSeq,
    Optional<ItemRehash> lastRehash,
    OptionalLong lastRehashSeq) {

  /** The item's custody state. */
  public enum State {
    /** In the holder's custody at the location. */
    HELD,
    /** Checked out of its store by the holder. */
    CHECKED_OUT,
    /** Destroyed; nothing more may happen to it. */
    DISPOSED,
    /** Returned to its owner; nothing more may happen to it. */
    RETURNED;

    /** Lower-case name with hyphens. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether custody has ended. */
    public boolean ended() {
      return this == DISPOSED || this == RETURNED;
    }
  }

  public ItemStatus {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(holder, "holder");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(reference, "reference");
  }
}
