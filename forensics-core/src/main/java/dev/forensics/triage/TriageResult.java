package dev.forensics.triage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a triage run.
 *
 * @param records one per file, in path order
 */
public record TriageResult(List<TriageRecord> records) {

  public TriageResult {
    records = List.copyOf(records);
  }

  /** The examined files ranked by score (highest first), ties in path order. */
  public List<TriageRecord> ranked() {
    return records.stream().filter(r -> r.status() == TriageRecord.Status.TRIAGED).sorted(TriageRecord.RANK).toList();
  }

  /** The number of examined files per category, in category order. */
  public Map<Category, Long> countsByCategory() {
    Map<Category, Long> counts = new EnumMap<>(Category.class);
    for (TriageRecord r : records) {
      if (r.status() == TriageRecord.Status.TRIAGED) {
        counts.merge(r.category(), 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The number of records with this status. */
  public long count(TriageRecord.Status status) {
    return records.stream().filter(r -> r.status() == status).count();
  }
}
