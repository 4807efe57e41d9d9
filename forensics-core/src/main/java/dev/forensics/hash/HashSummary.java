package dev.forensics.hash;

import java.util.EnumMap;
import java.util.Map;

/** Counts of a hashing run: outcomes per status and bytes hashed. */
public record HashSummary(Map<FileOutcome.Status, Long> counts, long bytesHashed) {

  public HashSummary {
    EnumMap<FileOutcome.Status, Long> copy = new EnumMap<>(FileOutcome.Status.class);
    for (FileOutcome.Status s : FileOutcome.Status.values()) {
      copy.put(s, counts.getOrDefault(s, 0L));
    }
    counts = java.util.Collections.unmodifiableMap(copy);
  }

  /** Number of outcomes with this status. */
  public long count(FileOutcome.Status status) {
    return counts.get(status);
  }

  /** Number of files hashed (reliably or not). */
  public long filesHashed() {
    return count(FileOutcome.Status.HASHED) + count(FileOutcome.Status.CHANGED_WHILE_READING);
  }

  /** Whether any outcome was a problem (unreadable, changed while read, link loop). */
  public boolean hasProblems() {
    return counts.entrySet().stream().anyMatch(e -> e.getKey().isProblem() && e.getValue() > 0);
  }
}
