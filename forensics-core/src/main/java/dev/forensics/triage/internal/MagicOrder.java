package dev.forensics.triage.internal;

import dev.forensics.triage.internal.MagicSignatures.Clause;
import dev.forensics.triage.internal.MagicSignatures.Match;
import dev.forensics.triage.internal.MagicSignatures.MinShouldMatch;
import dev.forensics.triage.internal.MagicSignatures.Signature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.tika.detect.MagicDetector;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;

/**
 * Which of several types whose signatures match tika-core answers with, when their priorities alone do
 * not settle it: the type of the first matching signature in tika-core's order of signatures (its
 * {@code Magic.compareTo}: higher priority first, then the larger {@code size()}, then the type that
 * sorts last). Each signature is evaluated as tika-core's clauses do, with tika-core's own
 * {@link MagicDetector} for every {@code <match>}: a match with nested matches holds when it matches and
 * one of them does, and its size is its own plus the largest of theirs (the sum of an
 * {@code AndClause}, the largest of an {@code OrClause}); a {@code minShouldMatch} holds when that many
 * of its matches do, and its size is the largest of theirs. Signatures are compiled per type on first
 * use. Thread-safe.
 */
final class MagicOrder {

  /** A signature compiled for evaluation (as tika-core evaluates it), with what places it in tika-core's order. */
  private record Compiled(MimeType type, int priority, int size, Predicate<byte[]> eval) {}

  /** A clause compiled for evaluation, and its size. */
  private record Node(Predicate<byte[]> eval, int size) {}

  private final Map<MimeType, List<Signature>> signatures;
  private final Map<MimeType, List<Compiled>> compiled = new ConcurrentHashMap<>();

  /** @param signatures each type's signatures as the type table gives them */
  MagicOrder(Map<MimeType, List<Signature>> signatures) {
    this.signatures = Map.copyOf(signatures);
  }

  /**
   * The type tika-core gives {@code head} when the signatures that match it all belong to {@code types}
   * (each of which has at least one that matches); null if none of their signatures matches.
   */
  MimeType first(Collection<MimeType> types, byte[] head) {
    List<Compiled> all = new ArrayList<>();
    for (MimeType t : types) {
      all.addAll(compiled(t));
    }
    all.sort(TIKA_ORDER);
    for (Compiled c : all) {
      if (c.eval().test(head)) {
        return c.type();
      }
    }
    return null;
  }

  /**
   * tika-core's {@code Magic.compareTo} up to the type: signatures of one type that it orders further
   * (by their text) give the same answer.
   */
  private static final Comparator<Compiled> TIKA_ORDER = Comparator.comparingInt(Compiled::priority).reversed()
      .thenComparing(Comparator.comparingInt(Compiled::size).reversed())
      .thenComparing(Compiled::type, Comparator.reverseOrder());

  private List<Compiled> compiled(MimeType type) {
    return compiled.computeIfAbsent(type, t -> {
      List<Compiled> out = new ArrayList<>();
      for (Signature s : signatures.getOrDefault(t, List.of())) {
        Node n = node(t.getType(), s.clause());
        out.add(new Compiled(t, s.priority(), n.size(), n.eval()));
      }
      return List.copyOf(out);
    });
  }

  private static Node node(MediaType type, Clause clause) {
    if (clause instanceof Match m) {
      MagicDetector d = MagicDetector.parse(type, m.kind(), m.offset(), m.value(), m.mask());
      Predicate<byte[]> leaf = head -> matches(d, head);
      if (m.children().isEmpty()) {
        return new Node(leaf, d.getLength());
      }
      List<Node> children = nodes(type, m.children());
      int size = 0;
      for (Node c : children) {
        size = Math.max(size, c.size());
      }
      return new Node(head -> leaf.test(head) && any(children, head), d.getLength() + size);
    }
    MinShouldMatch msm = (MinShouldMatch) clause;
    List<Node> children = nodes(type, msm.children());
    int size = 0;
    for (Node c : children) {
      size = Math.max(size, c.size());
    }
    int min = msm.min();
    return new Node(head -> {
      int n = 0;
      for (Node c : children) {
        if (c.eval().test(head) && ++n >= min) {
          return true;
        }
      }
      return false;
    }, size);
  }

  private static List<Node> nodes(MediaType type, List<Clause> clauses) {
    List<Node> out = new ArrayList<>(clauses.size());
    for (Clause c : clauses) {
      out.add(node(type, c));
    }
    return out;
  }

  private static boolean any(List<Node> nodes, byte[] head) {
    for (Node n : nodes) {
      if (n.eval().test(head)) {
        return true;
      }
    }
    return false;
  }

  /** What tika-core's {@code MagicMatch.eval} does. */
  private static boolean matches(MagicDetector d, byte[] head) {
    try {
      // the same reference comparison as tika-core's: a miss is MediaType.OCTET_STREAM itself
      return d.detect(new ByteArrayInputStream(head), new Metadata()) != MediaType.OCTET_STREAM;
    } catch (IOException e) {
      return false; // as tika-core: cannot happen with bytes in memory
    }
  }
}
