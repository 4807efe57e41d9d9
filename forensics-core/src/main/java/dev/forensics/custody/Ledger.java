package dev.forensics.custody;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forensics.custody.LedgerEntry.EntryException;
import dev.forensics.custody.internal.LineReader;
import dev.forensics.hash.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * The custody ledger of one case, open for appending: a UTF-8 JSON Lines file, one signed entry per
 * line, each chained to the previous one by its SHA-256 entry hash.
 *
 * <p>Appends take an exclusive lock on the file (other processes wait), read whatever other processes
 * appended since, check the new event against the ledger (fields, signers, custody continuity), write
 * one line with one write and force it to disk before returning. Committed lines are never rewritten.
 * An append to a ledger whose last line is torn, or that is not intact, is refused.
 */
public final class Ledger {

  private static final Map<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private final Path file;
  private final Object lock;
  private final Clock clock;
  private LedgerState state;
  private final java.util.ArrayDeque<Pending> queue = new java.util.ArrayDeque<>();
  private boolean leading;
  private long offset;
  private long lines;

  private Ledger(Path file, Collection<Custodian> keys, Clock clock) {
    this.file = file;
    this.lock = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    this.clock = clock;
    this.state = new LedgerState(keys);
  }

  /**
   * Creates a ledger with its init entry, signed by {@code creator}.
   *
   * @param custodians the custodians whose public keys the init entry lists ({@code creator} is added)
   * @throws java.nio.file.FileAlreadyExistsException when the file exists
   */
  public static Ledger create(
      Path file, String caseNumber, Optional<String> title, SigningKey creator, Collection<Custodian> custodians, Clock clock)
      throws IOException {
    Objects.requireNonNull(caseNumber, "caseNumber");
    if (caseNumber.isBlank()) {
      throw new InvalidEventException("init: missing required field 'case'");
    }
    Map<String, Custodian> all = new java.util.TreeMap<>();
    all.put(creator.name(), creator.custodian());
    for (Custodian c : custodians) {
      Custodian before = all.putIfAbsent(c.name(), c);
      if (before != null && !before.key().equals(c.key())) {
        throw new InvalidEventException("init: two different keys for custodian " + c.name());
      }
    }
    Ledger l = new Ledger(file, List.of(), clock);
    ObjectNode data = LedgerEntry.JSON.createObjectNode();
    data.put("case", caseNumber);
    title.filter(t -> !t.isBlank()).ifPresent(t -> data.put("title", t));
    var arr = data.putArray("custodians");
    for (Custodian c : all.values()) {
      arr.addObject().put("name", c.name()).put("key", c.key().base64());
    }
    synchronized (l.lock) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.READ);
          FileLock fl = ch.lock()) {
        LedgerEntry init = l.build(EventType.INIT, null, data, creator, null);
        l.commit(ch, init);
      } catch (CustodyViolationException e) {
        throw new IllegalStateException("an init entry cannot break custody", e);
      }
    }
    syncFolder(file);
    return l;
  }

  /**
   * Opens an existing ledger for appending, reading it through (without checking signatures).
   *
   * @param keys public keys of custodians besides those listed in the init entry (a keys folder)
   * @throws CustodyViolationException when the ledger is not intact (run {@link LedgerVerifier})
   */
  public static Ledger open(Path file, Collection<Custodian> keys, Clock clock) throws IOException, CustodyViolationException {
    Ledger l = new Ledger(file, keys, clock);
    synchronized (l.lock) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock fl = ch.lock()) {
        l.catchUp(ch);
      }
    }
    if (l.lines == 0) {
      throw new LedgerParseException(file + ": empty file: not a custody ledger");
    }
    return l;
  }

  /**
   * Records an event: numbers, dates, chains and signs it, appends it and forces it to disk.
   *
   * @param actor the custodian recording the event (for a transfer: the releasing custodian)
   * @param receiver for a transfer, the receiving custodian, who signs too; null otherwise
   * @return the entry as written
   * @throws InvalidEventException when a field is missing or wrong
   * @throws CustodyViolationException when the event would break custody, or the ledger is not intact
   */
  public LedgerEntry append(CustodyEvent event, SigningKey actor, SigningKey receiver)
      throws IOException, CustodyViolationException {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(actor, "actor");
    EventType t = event.type();
    if (t == EventType.TRANSFER) {
      if (receiver == null) {
        throw new InvalidEventException("transfer: the receiving custodian must sign too (receiver key missing)");
      }
      if (!event.fields().get("released-by").equals(actor.name())) {
        throw new InvalidEventException("transfer: released-by is " + event.fields().get("released-by")
            + " but the key is " + actor.name() + "'s: the releasing custodian records the transfer");
      }
      if (!event.fields().get("received-by").equals(receiver.name())) {
        throw new InvalidEventException("transfer: received-by is " + event.fields().get("received-by")
            + " but the receiver key is " + receiver.name() + "'s");
      }
    } else if (receiver != null) {
      throw new InvalidEventException(t.id() + ": only a transfer has a second signer");
    }
    Pending p = new Pending(t, event.item().orElse(null), data(event), actor, receiver, new CompletableFuture<>());
    boolean lead;
    synchronized (queue) {
      queue.add(p);
      lead = !leading;
      leading = true;
    }
    if (lead) {
      drain();
    }
    try {
      return p.done.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while appending");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) {
        throw io;
      }
      if (c instanceof CustodyViolationException cv) {
        throw new CustodyViolationException(cv.getMessage());
      }
      if (c instanceof InvalidEventException ie) {
        throw new InvalidEventException(ie.getMessage());
      }
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(c);
    }
  }

  /** An append waiting for the thread that writes the next group. */
  private record Pending(
      EventType type, String item, ObjectNode data, SigningKey actor, SigningKey receiver, CompletableFuture<LedgerEntry> done) {}

  /**
   * Group commit: the first thread to append while nobody is writing writes every append queued by
   * then, with one lock, one write and one force to disk, and goes on until the queue is empty. Each
   * append is checked on its own; a refused one fails alone.
   */
  private void drain() {
    while (true) {
      List<Pending> group;
      synchronized (queue) {
        if (queue.isEmpty()) {
          leading = false;
          return;
        }
        group = new java.util.ArrayList<>(queue);
        queue.clear();
      }
      List<Pending> ok = new java.util.ArrayList<>();
      List<LedgerEntry> entries = new java.util.ArrayList<>();
      try {
        synchronized (lock) {
          try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
              FileLock fl = ch.lock()) {
            catchUp(ch);
            LedgerState before = state.copy();
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (Pending p : group) {
              try {
                checkKeyMatches(p.actor);
                if (p.receiver != null) {
                  checkKeyMatches(p.receiver);
                }
                LedgerEntry e = build(p.type, p.item, p.data, p.actor, p.receiver);
                try {
                  state.apply(e);
                } catch (EntryException x) {
                  if (x.kind == LedgerProblem.Kind.CUSTODY) {
                    throw new CustodyViolationException(e.type().id() + ": " + x.getMessage());
                  }
                  throw new InvalidEventException(x.getMessage());
                }
                bytes.write(e.canonical());
                bytes.write('\n');
                ok.add(p);
                entries.add(e);
              } catch (CustodyViolationException | RuntimeException x) {
                p.done.completeExceptionally(x);
              }
            }
            if (!ok.isEmpty()) {
              ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
              long at = offset;
              try {
                while (buf.hasRemaining()) {
                  at += ch.write(buf, at);
                }
                ch.force(false);
              } catch (IOException x) {
                state = before;
                throw x;
              }
              offset = at;
              lines += ok.size();
            }
          }
        }
        for (int i = 0; i < ok.size(); i++) {
          ok.get(i).done.complete(entries.get(i));
        }
      } catch (Throwable x) {
        for (Pending p : group) {
          p.done.completeExceptionally(x);
        }
      }
    }
  }

  /**
   * Records several events by one actor as one group: one lock, one write, one force to disk, so a
   * busy desk (a bag of exhibits registered at once) pays for one disk sync. All or none are written.
   * Transfers, which need a second signer, are recorded one by one with {@link #append}.
   *
   * @return the entries as written, in order
   * @throws InvalidEventException when an event is a transfer or has a missing or wrong field
   * @throws CustodyViolationException when an event would break custody (nothing is written)
   */
  public List<LedgerEntry> appendAll(List<CustodyEvent> events, SigningKey actor) throws IOException, CustodyViolationException {
    Objects.requireNonNull(actor, "actor");
    List<ObjectNode> datas = new java.util.ArrayList<>();
    for (CustodyEvent ev : events) {
      if (ev.type() == EventType.TRANSFER) {
        throw new InvalidEventException("transfer: record transfers one by one (two signers)");
      }
      datas.add(data(ev));
    }
    synchronized (lock) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock fl = ch.lock()) {
        catchUp(ch);
        checkKeyMatches(actor);
        LedgerState before = state.copy();
        List<LedgerEntry> out = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
          for (int i = 0; i < events.size(); i++) {
            LedgerEntry e = build(events.get(i).type(), events.get(i).item().orElse(null), datas.get(i), actor, null);
            try {
              state.apply(e);
            } catch (EntryException x) {
              if (x.kind == LedgerProblem.Kind.CUSTODY) {
                throw new CustodyViolationException(e.type().id() + " (event " + (i + 1) + " of " + events.size() + "): " + x.getMessage());
              }
              throw new InvalidEventException(x.getMessage());
            }
            bytes.write(e.canonical());
            bytes.write('\n');
            out.add(e);
          }
        } catch (CustodyViolationException | RuntimeException x) {
          state = before;
          throw x;
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
        long at = offset;
        try {
          while (buf.hasRemaining()) {
            at += ch.write(buf, at);
          }
          ch.force(false);
        } catch (IOException x) {
          state = before;
          throw x;
        }
        offset = at;
        lines += out.size();
        return out;
      }
    }
  }

  private static ObjectNode data(CustodyEvent event) {
    ObjectNode data = LedgerEntry.JSON.createObjectNode();
    for (Map.Entry<String, String> f : event.fields().entrySet()) {
      if (f.getKey().equals("seal-intact")) {
        data.put(f.getKey(), CustodyEvent.parseYesNo(f.getValue()));
      } else {
        data.put(f.getKey(), f.getValue());
      }
    }
    if (!event.hashes().isEmpty()) {
      ObjectNode h = data.putObject("hashes");
      for (Digest d : event.hashes().digests()) {
        h.put(d.algorithm().id(), d.hex());
      }
    }
    event.rehash().ifPresent(r -> {
      ObjectNode o = data.putObject("rehash");
      o.put("path", r.path());
      ObjectNode h = o.putObject("hashes");
      for (Digest d : r.hashes().digests()) {
        h.put(d.algorithm().id(), d.hex());
      }
      o.put("result", r.result().id());
      r.against().ifPresent(a -> o.put("against", a));
    });
    return data;
  }

  private void checkKeyMatches(SigningKey k) throws CustodyViolationException {
    Custodian known = state.custodians().get(k.name());
    if (known == null) {
      throw new CustodyViolationException("custodian " + k.name()
          + " is not listed in the ledger's init entry nor in the keys folder: add their .pub file to the keys folder");
    }
    if (!known.key().equals(k.custodian().key())) {
      throw new CustodyViolationException("the key given for " + k.name() + " is not the one the ledger knows for " + k.name());
    }
  }

  private LedgerEntry build(EventType t, String item, ObjectNode data, SigningKey actor, SigningKey receiver) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    ZoneOffset off = clock.getZone().getRules().getOffset(now);
    String offset = off.getTotalSeconds() == 0 ? "+00:00" : off.getId();
    if (offset.length() > 6) {
      offset = offset.substring(0, 6); // seconds in an offset: not on any real clock
    }
    ObjectNode body = LedgerEntry.JSON.createObjectNode();
    body.put("seq", state.nextSeq());
    body.put("type", t.id());
    body.put("time", LedgerEntry.TIME.format(now));
    body.put("offset", offset);
    body.put("actor", actor.name());
    if (item != null) {
      body.put("item", item);
    }
    body.put("prev", HexFormat.of().formatHex(state.prevHash()));
    body.set("data", data);
    return LedgerEntry.sign(body, actor, receiver);
  }

  /** Checks {@code e} against the ledger, writes it with its newline, forces it to disk. */
  private void commit(FileChannel ch, LedgerEntry e) throws IOException, CustodyViolationException {
    try {
      state.apply(e);
    } catch (EntryException x) {
      if (x.kind == LedgerProblem.Kind.CUSTODY) {
        throw new CustodyViolationException(e.type().id() + ": " + x.getMessage());
      }
      throw new InvalidEventException(x.getMessage());
    }
    byte[] c = e.canonical();
    ByteBuffer buf = ByteBuffer.allocate(c.length + 1).put(c).put((byte) '\n').flip();
    long at = offset;
    while (buf.hasRemaining()) {
      at += ch.write(buf, at);
    }
    ch.force(false);
    offset = at;
    lines++;
  }

  /** Reads the lines appended since this object last looked; refuses a torn or broken ledger. */
  private void catchUp(FileChannel ch) throws IOException, CustodyViolationException {
    long size = ch.size();
    if (size == offset) {
      return;
    }
    if (size < offset) {
      throw new CustodyViolationException(file + ": the ledger got shorter while open (" + size + " < " + offset + " bytes): committed entries were removed");
    }
    InputStream in = new java.io.BufferedInputStream(Channels.newInputStream(ch.position(offset)), 1 << 16);
    LineReader r = new LineReader(in, offset);
    byte[] line;
    while ((line = r.next()) != null) {
      lines++;
      try {
        state.apply(LedgerEntry.parse(line));
      } catch (EntryException x) {
        if (lines == 1 && x.kind == LedgerProblem.Kind.MALFORMED) {
          throw new LedgerParseException(file + ": line 1: not a custody ledger: " + x.getMessage());
        }
        throw new CustodyViolationException(file + ": line " + lines + ": " + x.kind.id() + ": " + x.getMessage()
            + "; the ledger is not intact: run 'forensics custody verify'");
      }
    }
    offset = r.offset();
    if (r.torn()) {
      throw new CustodyViolationException(file + ": the last line is incomplete (an interrupted append): run 'forensics custody repair' first");
    }
  }

  /** The ledger file. */
  public Path file() {
    return file;
  }

  /** The last entry read or written. */
  public LedgerHead head() {
    return state.last().orElseThrow().head();
  }

  /** The case number from the init entry. */
  public String caseNumber() {
    return state.caseNumber().orElseThrow();
  }

  /** The status of an item after the entries read so far. */
  public Optional<ItemStatus> item(String item) {
    return state.item(item);
  }

  /** Every item's status, sorted by exhibit number. */
  public List<ItemStatus> items() {
    return state.items();
  }

  /** The outcome of {@link #repair}: bytes moved aside and where to. */
  public record Repair(long tornBytes, Optional<Path> sideFile, long committedBytes) {}

  /**
   * Moves a torn last line (bytes after the last newline) to a side file {@code LEDGER.torn-TIME} and
   * cuts it off the ledger; every committed line stays as it is. Does nothing to a ledger whose last
   * line is complete.
   */
  public static Repair repair(Path file, Clock clock) throws IOException {
    Object lock = IN_PROCESS.computeIfAbsent(file.toAbsolutePath().normalize(), p -> new Object());
    synchronized (lock) {
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
          FileLock fl = ch.lock()) {
        long size = ch.size();
        long end = size;
        ByteBuffer one = ByteBuffer.allocate(8192);
        long committed = -1;
        while (end > 0 && committed < 0) {
          long from = Math.max(0, end - one.capacity());
          one.clear().limit((int) (end - from));
          long at = from;
          while (one.hasRemaining()) {
            int n = ch.read(one, at);
            if (n < 0) {
              throw new IOException(file + ": file shrank while repairing");
            }
            at += n;
          }
          for (int i = (int) (end - from) - 1; i >= 0; i--) {
            if (one.get(i) == '\n') {
              committed = from + i + 1;
              break;
            }
          }
          end = from;
        }
        if (committed < 0) {
          committed = 0;
        }
        if (committed == size) {
          return new Repair(0, Optional.empty(), size);
        }
        String stamp = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(clock.instant());
        Path side = file.resolveSibling(file.getFileName() + ".torn-" + stamp);
        ByteBuffer tail = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - committed));
        long at = committed;
        while (tail.hasRemaining()) {
          int n = ch.read(tail, at);
          if (n < 0) {
            break;
          }
          at += n;
        }
        tail.flip();
        try (FileChannel out = FileChannel.open(side, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          while (tail.hasRemaining()) {
            out.write(tail);
          }
          out.force(true);
        }
        ch.truncate(committed);
        ch.force(true);
        return new Repair(size - committed, Optional.of(side), committed);
      }
    }
  }

  private static void syncFolder(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null || !dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return; // folders cannot be opened for syncing on Windows; the file itself is synced
    }
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    }
  }
}
