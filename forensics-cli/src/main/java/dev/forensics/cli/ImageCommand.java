package dev.forensics.cli;

import picocli.CommandLine.Command;

/** {@code forensics image}: the disk-image commands. */
@Command(
    name = "image",
    mixinStandardHelpOptions = true,
    subcommands = {ImageInfoCommand.class, ImageVerifyCommand.class, ImageHashCommand.class})
final class ImageCommand {}
