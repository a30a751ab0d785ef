package org.lptem.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lptem.core.LptemException;

/** The command's input files, which no output may replace. */
final class Inputs {
    private Inputs() {
    }

    /**
     * Refuses {@code output} when it is one of {@code inputs} (the same path, or the same file reached another way),
     * before any work is done.
     *
     * @throws LptemException naming the output and the input
     */
    static void refuseAsOutput(Path output, Path... inputs) {
        if (output == null) {
            return;
        }
        Path out = output.toAbsolutePath().normalize();
        for (Path input : inputs) {
            if (input == null) {
                continue;
            }
            boolean same = out.equals(input.toAbsolutePath().normalize());
            try {
                same |= Files.exists(out) && Files.exists(input) && Files.isSameFile(out, input);
            } catch (IOException e) {
                throw LptemException.inFile(output, "cannot be compared with the input " + input + ": "
                        + e.getMessage(), e);
            }
            if (same) {
                throw LptemException.inFile(output, "is an input of this command; write the output to another file");
            }
        }
    }
}
