package salvo.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import salvo.error.SalvoError;
import salvo.place.Placement;
import salvo.place.TxSpec;
import salvo.serve.ServeAddress;

/** `salvo run`'s options for where workers run (xdist's --tx family), read into a {@link Placement}. */
final class PlacementOptions {
    @Option(names = {"--tx"}, paramLabel = "SPEC", description = "Run workers in this environment (repeatable), "
            + "xdist's syntax: [N*]popen[//python=EXE][//env:NAME=VALUE][//id=NAME] or "
            + "[N*]ssh=[user@]host[//python=EXE][//chdir=DIR][//ssh_config=FILE]. Implies --isolation persistent.")
    List<String> tx = new ArrayList<>();

    @Option(names = "--rsyncdir", paramLabel = "DIR", description = "Copy this directory (under the run's root) to "
            + "each ssh environment before its workers start (repeatable). Dependencies are not copied: see --remote-setup.")
    List<Path> rsyncDirs = new ArrayList<>();

    @Option(names = "--rsyncignore", paramLabel = "GLOB", description = "Leave files matching this out of the copies "
            + "(repeatable; .git, __pycache__, .salvo and the like always are).")
    List<String> rsyncIgnores = new ArrayList<>();

    @Option(names = "--remote-setup", paramLabel = "CMD", description = "Run this shell command once on each ssh "
            + "host, in the run's root there, before its workers start (e.g. 'pip install -r requirements.txt').")
    String remoteSetup;

    @Option(names = "--serve", paramLabel = "HOST:PORT", description = "Serve this run to workers that join it "
            + "(salvo worker --connect) over TLS, at this address (0.0.0.0:7777; port 0 for any free one). "
            + "Implies --isolation persistent; with -w 0, only joined workers run tests.")
    String serve;

    @Option(names = "--token-file", paramLabel = "FILE", description = "With --serve: where the token file joining "
            + "workers need is written, mode 0600 (default: join-token in the store directory).")
    Path tokenFile;

    boolean isLocal() {
        return tx.isEmpty();
    }

    boolean serves() {
        return serve != null;
    }

    /** @param storeDir where the token file goes unless --token-file says */
    Placement placement(Path storeDir) {
        Placement p = placement();
        if (serve == null) {
            if (tokenFile != null) {
                throw SalvoError.usage("--token-file is for --serve: add --serve HOST:PORT");
            }
            return p;
        }
        try {
            ServeAddress address = ServeAddress.parse(serve);
            Path file = tokenFile != null ? tokenFile.toAbsolutePath() : storeDir.resolve("join-token");
            return new Placement(p.environments(), p.rsyncDirs(), p.rsyncIgnores(), p.remoteSetup(),
                    Optional.of(new Placement.Serve(address, file)));
        } catch (IllegalArgumentException e) {
            throw SalvoError.usage(e.getMessage());
        }
    }

    Placement placement() {
        List<TxSpec> specs = new ArrayList<>();
        for (String text : tx) {
            try {
                specs.add(TxSpec.parse(text));
            } catch (IllegalArgumentException e) {
                throw SalvoError.usage(e.getMessage());
            }
        }
        if (specs.isEmpty() && (!rsyncDirs.isEmpty() || remoteSetup != null)) {
            throw SalvoError.usage((rsyncDirs.isEmpty() ? "--remote-setup" : "--rsyncdir")
                    + " is for ssh environments: add --tx ssh=HOST");
        }
        return new Placement(specs, rsyncDirs, rsyncIgnores, Optional.ofNullable(remoteSetup));
    }
}
