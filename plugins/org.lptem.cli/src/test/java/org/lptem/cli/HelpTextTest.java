package org.lptem.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    /**
     * picocli formats every description with String.format: a bare '%' (as in "2% missed") makes each --help print a
     * warning and show the raw text, so rendering every command's help must stay silent.
     */
    @Test
    void everyHelpRendersWithoutWarnings() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        StringBuilder help = new StringBuilder();
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            render(new CommandLine(new Main()), help);
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
        assertTrue(help.toString().contains("0.8 %") && !help.toString().contains("%%"), "an escaped percent shows as one");
    }

    private static void render(CommandLine cli, StringBuilder help) {
        help.append(cli.getUsageMessage());
        for (CommandLine sub : cli.getSubcommands().values()) {
            render(sub, help);
        }
    }
}
