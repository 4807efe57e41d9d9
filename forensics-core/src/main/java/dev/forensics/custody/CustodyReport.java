package dev.forensics.custody;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A ledger read for a custody report or an export: the verification result, and the verified entries
 * arranged like a paper chain-of-custody form, one {@link Exhibit} per item (in order of registration)
 * with its events, plus the case notes that concern no item. Only entries before the first problem are
 * included, since nothing after it can be trusted.
 *
 * @param ledgerName the ledger's file name (without its folder, so reports do not depend on where it lies)
 * @param init the init entry, empty when even it failed verification
 */
public record CustodyReport(
    String ledgerName,
    LedgerVerification verification,
    Optional<LedgerEntry> init,
    List<Exhibit> exhibits,
    List<Event> caseNotes) {

  public CustodyReport {
    Objects.requireNonNull(ledgerName, "ledgerName");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(init, "init");
    exhibits = List.copyOf(exhibits);
    caseNotes = List.copyOf(caseNotes);
  }

  /** One item's form: what it is, where it stands now, and every event that concerned it. */
  public record Exhibit(String item, String description, Optional<ItemStatus> status, List<Event> events) {
    public Exhibit {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(status, "status");
      events = List.copyOf(events);
    }

    /** The register entry (always the first event). */
    public LedgerEntry register() {
      return events.get(0).entry();
    }
  }

  /**
   * One row of a custody form: the entry, who released and who received the item, where the item is
   * after the event, and the seal number in force after it.
   *
   * @param releasedBy transfer: the releasing custodian; register: none; dispose, return and every
   *     other event: the holder who recorded it
   * @param receivedBy transfer: the receiving custodian; dispose and return: none (return names the
   *     owner in {@code returned-to}); register and every other event: the holder, who keeps the item
   * @param location where the item is after the event (empty for a case note)
   * @param seal the seal number after the event (from register, seal or reseal), if any
   */
  public record Event(
      LedgerEntry entry, Optional<String> releasedBy, Optional<String> receivedBy, Optional<String> location,
      Optional<String> seal) {
    public Event {
      Objects.requireNonNull(entry, "entry");
      Objects.requireNonNull(releasedBy, "releasedBy");
      Objects.requireNonNull(receivedBy, "receivedBy");
      Objects.requireNonNull(location, "location");
      Objects.requireNonNull(seal, "seal");
    }
  }

  /** The case number from the init entry, if it was verified. */
  public Optional<String> caseNumber() {
    return init.flatMap(e -> e.field("case"));
  }

  /** The case title from the init entry, if any. */
  public Optional<String> title() {
    return init.flatMap(e -> e.field("title"));
  }

  /** Whether the whole ledger verified. */
  public boolean intact() {
    return verification.intact();
  }

  /** Every event of the report (exhibits' and case notes), in ledger order. */
  public List<Event> events() {
    List<Event> all = new ArrayList<>();
    exhibits.forEach(x -> all.addAll(x.events()));
    all.addAll(caseNotes);
    all.sort(java.util.Comparator.comparingLong(e -> e.entry().seq()));
    return all;
  }

  /**
   * Verifies {@code ledger} (see {@link LedgerVerifier}) and arranges its verified entries.
   *
   * @param keys public keys of custodians besides those in the init entry (a keys folder)
   * @throws LedgerParseException when the file is not a custody ledger
   */
  public static CustodyReport read(Path ledger, Collection<Custodian> keys) throws IOException {
    List<LedgerEntry> entries = new ArrayList<>();
    LedgerVerification v = LedgerVerifier.verify(ledger, keys, Optional.empty(), entries::add);
    Path name = ledger.getFileName();
    return of(name == null ? ledger.toString() : name.toString(), v, entries);
  }

  /**
   * Arranges entries read while verifying (as given to {@link LedgerVerifier}'s {@code onEntry}); those
   * at or after {@code v.entries()} are left out.
   */
  public static CustodyReport of(String ledgerName, LedgerVerification v, List<LedgerEntry> entries) {
    Map<String, List<Event>> byItem = new LinkedHashMap<>();
    Map<String, String> location = new java.util.HashMap<>();
    Map<String, String> seal = new java.util.HashMap<>();
    List<Event> notes = new ArrayList<>();
    LedgerEntry init = null;
    for (LedgerEntry e : entries) {
      if (e.seq() >= v.entries()) {
        break;
      }
      if (e.type() == EventType.INIT) {
        init = e;
        continue;
      }
      if (e.item().isEmpty()) {
        notes.add(new Event(e, Optional.of(e.actor()), Optional.of(e.actor()), Optional.empty(), Optional.empty()));
        continue;
      }
      String item = e.item().get();
      switch (e.type()) {
        case REGISTER -> location.put(item, e.field("location").orElseThrow());
        case TRANSFER, CHECK_OUT, CHECK_IN -> location.put(item, e.field("to").orElseThrow());
        default -> { }
      }
      if (e.type() == EventType.REGISTER || e.type() == EventType.SEAL || e.type() == EventType.RESEAL) {
        e.field("seal").ifPresent(s -> seal.put(item, s));
      }
      Optional<String> released =
          switch (e.type()) {
            case TRANSFER -> e.field("released-by");
            case REGISTER -> Optional.empty();
            default -> Optional.of(e.actor());
          };
      Optional<String> received =
          switch (e.type()) {
            case TRANSFER -> e.field("received-by");
            case DISPOSE, RETURN -> Optional.empty();
            default -> Optional.of(e.actor());
          };
      byItem.computeIfAbsent(item, k -> new ArrayList<>()).add(
          new Event(e, released, received, Optional.ofNullable(location.get(item)), Optional.ofNullable(seal.get(item))));
    }
    List<Exhibit> exhibits = new ArrayList<>();
    for (Map.Entry<String, List<Event>> x : byItem.entrySet()) {
      String item = x.getKey();
      Optional<ItemStatus> status = v.items().stream().filter(s -> s.item().equals(item)).findFirst();
      String description = x.getValue().get(0).entry().field("description").orElse("");
      exhibits.add(new Exhibit(item, description, status, x.getValue()));
    }
    return new CustodyReport(ledgerName, v, Optional.ofNullable(init), exhibits, notes);
  }
}
