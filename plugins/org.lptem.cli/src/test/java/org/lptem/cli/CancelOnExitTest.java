package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lptem.core.StagedFolder;
import org.lptem.core.CanceledException;

class CancelOnExitTest {

    /**
     * A child JVM writing into a staged folder is sent SIGTERM (what Ctrl-C and a batch scheduler's time limit
     * do); the folder must not appear and nothing staged may stay behind.
     */
    @Test
    void terminationRemovesTheStagedOutput(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("results");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                SlowCommand.class.getName(), out.toString()).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("writing", lines.readLine(), "the child did not start its work");
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the child JVM did not stop");
        }
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing may be left in the parent folder");
        }
    }

    /** Stands for a command: a long loop writing a staged file, polling cancellation as every command does. */
    public static final class SlowCommand {
        public static void main(String[] args) throws Exception {
            ConsoleProgress progress = new ConsoleProgress(new PrintWriter(System.err), false);
            try (CancelOnExit cancel = new CancelOnExit(progress);
                    StagedFolder staged = new StagedFolder(Path.of(args[0]))) {
                Files.writeString(staged.file("table.csv"), "frame,x,y\n");
                System.out.println("writing");
                System.out.flush();
                for (int i = 0; i < 600; i++) {
                    progress.checkCanceled();
                    Thread.sleep(100);
                }
                staged.commit();
            } catch (CanceledException e) {
                // what a command does: unwind; the staged folder has been deleted by now
            }
        }
    }
}
