package dev.forensics.custody;

import dev.forensics.custody.LedgerEntry.EntryException;
import dev.forensics.custody.LedgerProblem.Kind;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The rules of a ledger applied entry by entry: sequence numbers, the hash chain, who must sign, and
 * custody continuity. Signatures themselves are checked by the caller (in parallel, by the verifier).
 */
final class LedgerState {

  private final Map<String, Custodian> extra = new LinkedHashMap<>();
  private final Map<String, Custodian> custodians = new LinkedHashMap<>();
  private final Map<String, ItemStatus> items = new TreeMap<>();
  private long nextSeq;
  private byte[] prevHash = new byte[32];
  private Instant lastTime;
  private LedgerEntry last;
  private String caseNumber;

  private LedgerState() {}

  /** A copy to go back to if a group of appends is refused part way. */
  LedgerState copy() {
    LedgerState c = new LedgerState();
    c.extra.putAll(extra);
    c.custodians.putAll(custodians);
    c.items.putAll(items);
    c.nextSeq = nextSeq;
    c.prevHash = prevHash;
    c.lastTime = lastTime;
    c.last = last;
    c.caseNumber = caseNumber;
    return c;
  }

  LedgerState(Collection<Custodian> extraKeys) {
    for (Custodian c : extraKeys) {
      Custodian before = extra.putIfAbsent(c.name(), c);
      if (before != null && !before.key().equals(c.key())) {
        throw new IllegalArgumentException("two different keys given for custodian " + c.name());
      }
    }
  }

  /** The key of each signer of {@code e}, in signature order, after checking who must sign. */
  List<CustodianKey> signerKeys(LedgerEntry e) throws EntryException {
    List<String> expected = new ArrayList<>();
    expected.add(e.actor());
    if (e.type() == EventType.TRANSFER) {
      String releasedBy = e.field("released-by").orElseThrow();
      String receivedBy = e.field("received-by").orElseThrow();
      if (!releasedBy.equals(e.actor())) {
        throw new EntryException(Kind.SIGNATURE, e.seq(),
            "transfer recorded by " + e.actor() + " but released by " + releasedBy + ": the releasing custodian records it");
      }
      if (receivedBy.equals(releasedBy)) {
        throw new EntryException(Kind.CUSTODY, e.seq(), "transfer from " + releasedBy + " to the same custodian");
      }
      expected.add(receivedBy);
    }
    List<String> found = new ArrayList<>(2);
    for (LedgerEntry.Signature sig : e.signatures()) {
      found.add(sig.by());
    }
    if (!found.equals(expected)) {
      throw new EntryException(Kind.SIGNATURE, e.seq(),
          "must be signed by " + String.join(" then ", expected) + ", signed by " + String.join(", ", found));
    }
    Map<String, Custodian> known = e.type() == EventType.INIT ? initKeys(e) : custodians;
    List<CustodianKey> keys = new ArrayList<>();
    for (String name : expected) {
      Custodian c = known.get(name);
      if (c == null) {
        throw new EntryException(Kind.UNKNOWN_SIGNER, e.seq(),
            "no public key for custodian " + name + " (not in the init entry, not in the keys folder)");
      }
      keys.add(c.key());
    }
    return keys;
  }

  private Map<String, Custodian> initKeys(LedgerEntry init) throws EntryException {
    Map<String, Custodian> m = new LinkedHashMap<>();
    for (Custodian c : init.custodians()) {
      if (m.put(c.name(), c) != null) {
        throw new EntryException(Kind.FIELDS, init.seq(), "init: custodian " + c.name() + " listed twice");
      }
    }
    for (Custodian c : extra.values()) {
      Custodian listed = m.get(c.name());
      if (listed != null && !listed.key().equals(c.key())) {
        throw new EntryException(Kind.SIGNATURE, init.seq(),
            "the keys folder has a different key for custodian " + c.name() + " than the init entry");
      }
      m.putIfAbsent(c.name(), c);
    }
    return m;
  }

  /**
   * Applies the next entry: checks its place in the chain, its signers and custody, and updates the
   * state. Returns a time-order warning, if any.
   *
   * @throws EntryException naming the first rule the entry breaks (the state is then unchanged)
   */
  Optional<String> apply(LedgerEntry e) throws EntryException {
    if (e.seq() != nextSeq) {
      throw new EntryException(Kind.SEQUENCE, e.seq(),
          "expected seq " + nextSeq + ", found " + e.seq() + " (an entry was deleted, inserted or moved)");
    }
    if (!MessageDigest.isEqual(e.prevShared(), prevHash)) {
      throw new EntryException(Kind.CHAIN, e.seq(),
          nextSeq == 0
              ? "the init entry's prev must be 64 zeros"
              : "prev does not match the hash of entry " + (nextSeq - 1) + " (an earlier entry was changed or replaced)");
    }
    if ((e.seq() == 0) != (e.type() == EventType.INIT)) {
      throw new EntryException(Kind.FIELDS, e.seq(),
          e.seq() == 0 ? "the first entry must be 'init', found '" + e.type().id() + "'" : "a second 'init' entry");
    }
    signerKeys(e); // who must sign, and that their keys are known
    Optional<String> warning = Optional.empty();
    if (lastTime != null && e.time().isBefore(lastTime)) {
      warning = Optional.of("dated " + LedgerEntry.TIME.format(e.time()) + ", before the previous entry ("
          + LedgerEntry.TIME.format(lastTime) + ")");
    }
    ItemStatus next = custody(e);
    // commit
    if (e.type() == EventType.INIT) {
      custodians.putAll(initKeys(e));
      caseNumber = e.field("case").orElseThrow();
    }
    if (next != null) {
      items.put(next.item(), next);
    }
    nextSeq++;
    prevHash = e.hashShared();
    lastTime = e.time();
    last = e;
    return warning;
  }

  /** The item's status after {@code e}, or null when {@code e} concerns no item. */
  private ItemStatus custody(LedgerEntry e) throws EntryException {
    if (e.item().isEmpty()) {
      return null;
    }
    String item = e.item().get();
    ItemStatus s = items.get(item);
    String actor = e.actor();
    EventType t = e.type();
    if (t == EventType.REGISTER) {
      if (s != null) {
        throw new EntryException(Kind.CUSTODY, e.seq(), "item " + item + " is already registered");
      }
      DigestSet0 ref = DigestSet0.of(e);
      return new ItemStatus(item, e.field("description").orElseThrow(), actor, e.field("location").orElseThrow(),
          ItemStatus.State.HELD, e.seq(), ref.hashes, ref.seq, Optional.empty(), OptionalLong.empty());
    }
    if (s == null) {
      throw new EntryException(Kind.CUSTODY, e.seq(), "item " + item + " was never registered");
    }
    if (t == EventType.NOTE) {
      return withSeq(s, e.seq());
    }
    if (s.state().ended()) {
      throw new EntryException(Kind.CUSTODY, e.seq(),
          t.id() + " of item " + item + " after it was " + s.state().id() + " (seq " + s.lastSeq() + ")");
    }
    String holder = s.holder();
    if (t == EventType.TRANSFER) {
      String releasedBy = e.field("released-by").orElseThrow();
      if (!releasedBy.equals(holder)) {
        throw new EntryException(Kind.CUSTODY, e.seq(),
            "item " + item + " released by " + releasedBy + " but held by " + holder);
      }
    } else if (!actor.equals(holder)) {
      throw new EntryException(Kind.CUSTODY, e.seq(),
          t.id() + " of item " + item + " by " + actor + " but the item is held by " + holder);
    }
    if (t == EventType.TRANSFER || t == EventType.CHECK_OUT) {
      String from = e.field("from").orElseThrow();
      if (!from.equals(s.location())) {
        throw new EntryException(Kind.CUSTODY, e.seq(),
            "item " + item + " taken from " + from + " but it is at " + s.location() + " (one item, two places)");
      }
    }
    if (t == EventType.CHECK_OUT && s.state() == ItemStatus.State.CHECKED_OUT) {
      throw new EntryException(Kind.CUSTODY, e.seq(), "item " + item + " is already checked out");
    }
    if (t == EventType.CHECK_IN && s.state() != ItemStatus.State.CHECKED_OUT) {
      throw new EntryException(Kind.CUSTODY, e.seq(), "item " + item + " checked in but it was not checked out");
    }
    String newHolder = t == EventType.TRANSFER ? e.field("received-by").orElseThrow() : holder;
    String location =
        switch (t) {
          case TRANSFER, CHECK_OUT, CHECK_IN -> e.field("to").orElseThrow();
          default -> s.location();
        };
    ItemStatus.State state =
        switch (t) {
          case CHECK_OUT -> ItemStatus.State.CHECKED_OUT;
          case CHECK_IN -> ItemStatus.State.HELD;
          case DISPOSE -> ItemStatus.State.DISPOSED;
          case RETURN -> ItemStatus.State.RETURNED;
          default -> s.state();
        };
    var reference = s.reference();
    OptionalLong referenceSeq = s.referenceSeq();
    if (t == EventType.ACQUIRE && !e.hashes().isEmpty()) {
      reference = e.hashes();
      referenceSeq = OptionalLong.of(e.seq());
    }
    Optional<ItemRehash> rehash = s.lastRehash();
    OptionalLong rehashSeq = s.lastRehashSeq();
    if (e.rehash().isPresent()) {
      ItemRehash r = e.rehash().get();
      boolean hasRef = referenceSeq.isPresent();
      boolean saysRef = r.against().isPresent();
      if (hasRef != saysRef || (hasRef && r.against().getAsLong() != referenceSeq.getAsLong())) {
        throw new EntryException(Kind.FIELDS, e.seq(), "rehash: compared against "
            + (saysRef ? "seq " + r.against().getAsLong() : "nothing") + " but the item's reference hashes are "
            + (hasRef ? "those of seq " + referenceSeq.getAsLong() : "none"));
      }
      if (hasRef) {
        boolean same = r.hashes().compare(reference) == dev.forensics.hash.DigestSet.Comparison.SAME;
        if (same != (r.result() == ItemRehash.Result.MATCH)) {
          throw new EntryException(Kind.FIELDS, e.seq(), "rehash: result '" + r.result().id()
              + "' does not follow from the recorded hashes");
        }
      }
      rehash = Optional.of(r);
      rehashSeq = OptionalLong.of(e.seq());
    }
    return new ItemStatus(item, s.description(), newHolder, location, state, e.seq(), reference, referenceSeq, rehash, rehashSeq);
  }

  private static ItemStatus withSeq(ItemStatus s, long seq) {
    return new ItemStatus(s.item(), s.description(), s.holder(), s.location(), s.state(), seq, s.reference(),
        s.referenceSeq(), s.lastRehash(), s.lastRehashSeq());
  }

  /** Reference hashes from a register entry. */
  private record DigestSet0(dev.forensics.hash.DigestSet hashes, OptionalLong seq) {
    static DigestSet0 of(LedgerEntry e) {
      var h = e.hashes();
      return new DigestSet0(h, h.isEmpty() ? OptionalLong.empty() : OptionalLong.of(e.seq()));
    }
  }

  long nextSeq() {
    return nextSeq;
  }

  byte[] prevHash() {
    return prevHash;
  }

  Optional<LedgerEntry> last() {
    return Optional.ofNullable(last);
  }

  Optional<String> caseNumber() {
    return Optional.ofNullable(caseNumber);
  }

  Map<String, Custodian> custodians() {
    return custodians;
  }

  Optional<ItemStatus> item(String item) {
    return Optional.ofNullable(items.get(item));
  }

  List<ItemStatus> items() {
    return List.copyOf(items.values());
  }
}
