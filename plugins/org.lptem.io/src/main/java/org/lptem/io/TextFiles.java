package org.lptem.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small text outputs (metadata, reports) published in one step, like every other file this bundle writes. */
public final class TextFiles {
    private TextFiles() {
    }

    /** Writes UTF-8 text under a temporary name beside {@code out} and moves it into place when complete. */
    public static void writeAtomically(Path out, String text) {
        AtomicOutput file = AtomicOutput.create(out);
        try {
            Files.writeString(file.temp(), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            file.discard();
            throw file.writeError(e);
        }
        file.commit();
    }
}
