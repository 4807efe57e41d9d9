package dev.forensics.cli;

import dev.forensics.custody.CustodianKeys;
import dev.forensics.custody.SigningKey;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code forensics custody keygen}: make a custodian's Ed25519 key pair. */
@Command(name = "keygen", mixinStandardHelpOptions = true, sortOptions = false)
final class CustodyKeygenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--name", required = true, paramLabel = "NAME", descriptionKey = "custody.name")
  String name;

  @Option(names = {"-d", "--dir"}, paramLabel = "DIR", descriptionKey = "custody.keygen.dir", defaultValue = ".")
  Path dir;

  @Option(names = "--encrypt", descriptionKey = "custody.keygen.encrypt")
  boolean encrypt;

  @Option(names = "--passphrase-env", paramLabel = "VAR", descriptionKey = "custody.passphraseEnv")
  String passphraseEnv;

  @Override
  public Integer call() throws IOException {
    SigningKey key;
    try {
      key = CustodianKeys.generate(name);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--name: " + e.getMessage());
    }
    char[] pass = null;
    if (encrypt || passphraseEnv != null) {
      pass = CustodyCommand.passphrase(spec, passphraseEnv, dir.resolve(name + CustodianKeys.PRIVATE_SUFFIX), true);
      if (pass == null || pass.length == 0) {
        throw new ParameterException(spec.commandLine(), Messages.get("custody.error.noPassphrase"));
      }
    }
    Path[] files;
    try {
      files = CustodianKeys.write(key, dir, pass);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new ParameterException(spec.commandLine(), Messages.get("custody.error.exists", e.getFile()));
    }
    var out = spec.commandLine().getOut();
    out.println(Messages.get(pass == null ? "custody.keygen.private" : "custody.keygen.privateEncrypted", files[0]));
    out.println(Messages.get("custody.keygen.public", files[1]));
    out.println(Messages.get("custody.keygen.fingerprint", key.custodian().key().base64()));
    return ExitCodes.OK;
  }
}
