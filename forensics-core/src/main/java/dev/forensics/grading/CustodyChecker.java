package dev.forensics.grading;

import dev.forensics.custody.Custodian;
import dev.forensics.custody.EventType;
import dev.forensics.custody.ItemStatus;
import dev.forensics.custody.LedgerEntry;
import dev.forensics.custody.LedgerProblem;
import dev.forensics.custody.LedgerVerification;
import dev.forensics.custody.LedgerVerifier;
import dev.forensics.exercise.ExpectedAnswer;
import dev.forensics.exercise.KeyQuestion;
import dev.forensics.grading.internal.Refused;
import dev.forensics.grading.internal.Score;
import dev.forensics.grading.internal.SubmissionFolder;
import dev.forensics.grading.internal.SubmissionFolder.Entry;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Custody answers: the student's ledger (the file the sheet names, else the first ledger found by
 * content) is verified with the public keys handed in ({@code *.pub} at the top or in {@code keys/}):
 * chain, signatures, fields and custody continuity. A ledger that does not verify, or that no key handed
 * in signed, earns nothing. An intact ledger earns one share per required step found in order (each
 * step matches an entry of that event type or of a type the {@link #STEP_TYPES} table gives) and, when
 * the key says hashes must match, one share for recorded item hashes equal to the evidence's.
 */
final class CustodyChecker implements Checker {

  /** Step names of scenarios that are not event type ids, and the event types that fulfil them. */
  static final Map<String, Set<EventType>> STEP_TYPES = Map.ofEntries(
      Map.entry("seized", Set.of(EventType.REGISTER)),
      Map.entry("seizure", Set.of(EventType.REGISTER)),
      Map.entry("registered", Set.of(EventType.REGISTER)),
      Map.entry("received", Set.of(EventType.REGISTER, EventType.TRANSFER, EventType.CHECK_IN)),
      Map.entry("acquired", Set.of(EventType.ACQUIRE)),
      Map.entry("imaged", Set.of(EventType.ACQUIRE)),
      Map.entry("image-verified", Set.of(EventType.VERIFY)),
      Map.entry("verified", Set.of(EventType.VERIFY)),
      Map.entry("hash-verified", Set.of(EventType.VERIFY)),
      Map.entry("analysed", Set.of(EventType.EXAMINE)),
      Map.entry("analyzed", Set.of(EventType.EXAMINE)),
      Map.entry("examined", Set.of(EventType.EXAMINE)),
      Map.entry("examination", Set.of(EventType.EXAMINE)),
      Map.entry("sealed", Set.of(EventType.SEAL, EventType.RESEAL)),
      Map.entry("resealed", Set.of(EventType.RESEAL)),
      Map.entry("transferred", Set.of(EventType.TRANSFER)),
      Map.entry("transfer-to-lab", Set.of(EventType.TRANSFER)),
      Map.entry("checked-out", Set.of(EventType.CHECK_OUT)),
      Map.entry("checked-in", Set.of(EventType.CHECK_IN)),
      Map.entry("returned", Set.of(EventType.RETURN)),
      Map.entry("disposed", Set.of(EventType.DISPOSE)));

  @Override
  public QuestionResult check(KeyQuestion q, Context c) {
    ExpectedAnswer.Custody e = (ExpectedAnswer.Custody) q.expected();
    Submission s = c.submission();
    List<Feedback> f = new ArrayList<>();
    Entry ledger;
    if (c.text().isPresent()) {
      try {
        ledger = s.folder.file(c.text().get().strip().replace('\\', '/'));
      } catch (Refused r) {
        f.add(r.feedback());
        return Checker.zero(q, f);
      }
    } else if (!s.ledgers.isEmpty()) {
      ledger = s.ledgers.get(0);
    } else {
      f.add(Feedback.of(Reason.CUSTODY_NO_LEDGER));
      f.addAll(c.sheetProblems(q));
      return Checker.zero(q, f);
    }
    if (s.keys.isEmpty()) {
      f.add(Feedback.of(Reason.CUSTODY_NO_KEY, ledger.name()));
      return Checker.zero(q, f);
    }
    List<LedgerEntry> entries = new ArrayList<>();
    LedgerVerification v;
    try {
      v = LedgerVerifier.verify(s.folder.checkedPath(ledger, Submission.MAX_DATA), s.keys, Optional.empty(), entries::add);
    } catch (Refused r) {
      f.add(r.feedback());
      return Checker.zero(q, f);
    } catch (IOException | RuntimeException x) {
      f.add(Feedback.of(Reason.CUSTODY_NOT_LEDGER, ledger.name(), Submission.oneLine(x)));
      return Checker.zero(q, f);
    }
    if (v.problem().isPresent()) {
      LedgerProblem p = v.problem().get();
      f.add(Feedback.of(Reason.CUSTODY_BROKEN, p.line(), p.kind().id(), SubmissionFolder.shorten(p.message())));
      return Checker.zero(q, f);
    }
    Set<String> studentNames = new TreeSet<>();
    for (Custodian k : s.keys) {
      studentNames.add(k.name());
    }
    Set<String> signers = new TreeSet<>();
    for (LedgerEntry le : entries) {
      le.signatures().forEach(sig -> signers.add(sig.by()));
    }
    if (signers.stream().noneMatch(studentNames::contains)) {
      f.add(Feedback.of(Reason.CUSTODY_NOT_SIGNED_BY_STUDENT, String.join(", ", studentNames)));
      return Checker.zero(q, f);
    }
    f.add(Feedback.of(Reason.CUSTODY_INTACT, v.entries(), String.join(", ", signers)));
    int shares = e.steps().size() + (e.hashesMustMatch() ? 1 : 0);
    int earned = 0;
    int at = 0;
    String previous = "";
    for (String step : e.steps()) {
      Set<EventType> types = types(step);
      int found = -1;
      for (int i = at; i < entries.size(); i++) {
        if (types.contains(entries.get(i).type())) {
          found = i;
          break;
        }
      }
      if (found >= 0) {
        earned++;
        at = found + 1;
      } else {
        f.add(Feedback.of(Reason.CUSTODY_STEP_MISSING, step, previous));
      }
      previous = step;
    }
    if (e.hashesMustMatch()) {
      if (hashesMatch(e.evidenceHashes(), v.items(), f)) {
        earned++;
      }
    }
    if (earned == shares) {
      f.add(0, Feedback.of(Reason.CORRECT));
    }
    return new QuestionResult(q.id(), e.kind(), Score.share(q.points(), earned, shares), q.points(), f);
  }

  static Set<EventType> types(String step) {
    Set<EventType> out = new LinkedHashSet<>();
    EventType.lookup(step.toLowerCase(Locale.ROOT)).ifPresent(out::add);
    out.addAll(STEP_TYPES.getOrDefault(step.toLowerCase(Locale.ROOT), Set.of()));
    return out;
  }

  /**
   * True when some item's reference hashes share an algorithm with the evidence's and every item whose
   * reference shares one agrees.
   */
  private static boolean hashesMatch(DigestSet evidence, List<ItemStatus> items, List<Feedback> f) {
    if (evidence.isEmpty()) {
      return true;
    }
    boolean any = false;
    boolean ok = true;
    for (ItemStatus i : items) {
      DigestSet ref = i.reference();
      switch (ref.compare(evidence)) {
        case SAME -> any = true;
        case DIFFERENT -> {
          ok = false;
          for (Digest d : ref.digests()) {
            Optional<Digest> want = evidence.get(d.algorithm());
            if (want.isPresent() && !want.get().equals(d)) {
              f.add(Feedback.of(Reason.CUSTODY_HASH_MISMATCH, SubmissionFolder.shorten(i.item()), d.algorithm().id(), d.hex(), want.get().hex()));
            }
          }
        }
        case INCOMPARABLE -> { }
      }
    }
    if (!any && ok) {
      f.add(Feedback.of(Reason.CUSTODY_NO_HASHES,
          String.join(", ", evidence.algorithms().stream().map(a -> a.id()).toList())));
    }
    return any && ok;
  }
}
