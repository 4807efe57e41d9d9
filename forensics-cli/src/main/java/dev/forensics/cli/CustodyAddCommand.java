package dev.forensics.cli;

import dev.forensics.custody.Custodian;
import dev.forensics.custody.CustodyEvent;
import dev.forensics.custody.CustodyViolationException;
import dev.forensics.custody.EventType;
import dev.forensics.custody.InvalidEventException;
import dev.forensics.custody.ItemRehash;
import dev.forensics.custody.ItemStatus;
import dev.forensics.custody.Ledger;
import dev.forensics.custody.LedgerEntry;
import dev.forensics.custody.SigningKey;
import dev.forensics.hash.Digest;
import dev.forensics.hash.DigestSet;
import dev.forensics.hash.HashAlgorithm;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forensics custody add}: record one event in a ledger. */
@Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyAddCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "LEDGER", descriptionKey = "custody.ledger")
  Path ledger;

  @Parameters(index = "1", paramLabel = "TYPE", descriptionKey = "custody.add.type")
  String type;

  @Option(names = {"-i", "--item"}, paramLabel = "EXHIBIT", descriptionKey = "custody.add.item")
  String item;

  @Option(names = {"-s", "--set"}, paramLabel = "FIELD=VALUE", descriptionKey = "custody.add.set")
  Map<String, String> fields = new LinkedHashMap<>();

  @Option(names = "--hash", paramLabel = "ALG:HEX", descriptionKey = "custody.add.hash")
  List<String> hashes = new ArrayList<>();

  @Option(names = "--key", required = true, paramLabel = "FILE", descriptionKey = "custody.key")
  Path key;

  @Option(names = "--passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String passphraseEnv;

  @Option(names = "--receiver-key", paramLabel = "FILE", descriptionKey = "custody.add.receiverKey")
  Path receiverKey;

  @Option(names = "--receiver-passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String receiverPassphraseEnv;

  @Option(names = "--verify-item", paramLabel = "PATH", descriptionKey = "custody.add.verifyItem")
  Path verifyItem;

  @Option(names = "--keys", paramLabel = "DIR", descriptionKey = "custody.keys")
  Path keys;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    EventType t;
    DigestSet given;
    try {
      t = EventType.fromId(type);
      List<Digest> ds = new ArrayList<>();
      for (String h : hashes) {
        int colon = h.indexOf(':');
        if (colon < 0) {
          throw new IllegalArgumentException("--hash " + h + ": " + Messages.get("image.error.expectForm"));
        }
        ds.add(Digest.ofHex(HashAlgorithm.fromName(h.substring(0, colon)), h.substring(colon + 1)));
      }
      given = DigestSet.of(ds);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    SigningKey actor = CustodyCommand.readKey(spec, key, passphraseEnv);
    SigningKey receiver = receiverKey == null ? null : CustodyCommand.readKey(spec, receiverKey, receiverPassphraseEnv);
    List<Custodian> folder = CustodyCommand.keysFolder(spec, keys);
    try {
      Ledger l = Ledger.open(ledger, folder, Clock.systemDefaultZone());
      Map<String, String> f = new LinkedHashMap<>(fields);
      if (t == EventType.TRANSFER) {
        f.putIfAbsent("released-by", actor.name());
        if (receiver != null) {
          f.putIfAbsent("received-by", receiver.name());
        }
        l.item(item == null ? "" : item).ifPresent(s -> f.putIfAbsent("from", s.location()));
      }
      if (t == EventType.CHECK_OUT && item != null) {
        l.item(item).ifPresent(s -> f.putIfAbsent("from", s.location()));
      }
      ItemRehash rehash = null;
      if (verifyItem != null) {
        if (item == null) {
          throw new InvalidEventException(Messages.get("custody.error.verifyItemNeedsItem"));
        }
        ItemStatus s = l.item(item).orElseThrow(() -> new InvalidEventException(Messages.get("custody.error.unknownItem", item)));
        rehash = ItemRehash.compute(verifyItem, s.reference(), s.referenceSeq().orElse(-1));
      }
      CustodyEvent ev = new CustodyEvent(t, Optional.ofNullable(item), f, given, Optional.ofNullable(rehash));
      LedgerEntry e = l.append(ev, actor, receiver);
      out.println(Messages.get("custody.add.done", e.seq(), e.type().id(), e.item().orElse("-"), e.head()));
      if (rehash != null) {
        for (Digest d : rehash.hashes().digests()) {
          out.println(Messages.get("custody.add.rehash", d.algorithm().id(), d.hex()));
        }
        switch (rehash.result()) {
          case MATCH -> out.println(Messages.get("custody.add.rehashMatch", item));
          case NO_REFERENCE -> out.println(Messages.get("custody.add.rehashNoReference", item));
          case MISMATCH -> {
            err.println(Messages.get("custody.add.rehashMismatch", item, verifyItem, e.seq()));
            err.flush();
            return ExitCodes.FAILED;
          }
        }
      }
      return ExitCodes.OK;
    } catch (InvalidEventException ex) {
      throw new ParameterException(spec.commandLine(), ex.getMessage());
    } catch (CustodyViolationException ex) {
      err.println(spec.qualifiedName() + ": " + Messages.get("custody.error.refused", ex.getMessage()));
      return ExitCodes.FAILED;
    }
  }
}
