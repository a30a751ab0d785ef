package org.lptem.core;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagedFolderTest {

    private static List<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesAppearOnlyOnCommit(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("out");
        try (StagedFolder staged = new StagedFolder(target)) {
            Files.writeString(staged.file("a.csv"), "a");
            assertFalse(Files.exists(target), "nothing is published before the commit");
        }
        assertEquals(List.of(), names(dir), "an uncommitted folder leaves nothing behind");

        try (StagedFolder staged = new StagedFolder(target)) {
            Files.writeString(staged.file("a.csv"), "a");
            staged.commit();
        }
        assertEquals(List.of("out"), names(dir));
        assertEquals("a", Files.readString(target.resolve("a.csv")));
    }

    @Test
    void commitIntoAnExistingFolderReplacesOnlyTheFilesWritten(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("out"));
        Files.writeString(target.resolve("a.csv"), "old a");
        Files.writeString(target.resolve("notes.txt"), "mine");
        try (StagedFolder staged = new StagedFolder(target)) {
            Files.writeString(staged.file("a.csv"), "new a");
            staged.commit();
        }
        assertEquals(List.of("a.csv", "notes.txt"), names(target));
        assertEquals("new a", Files.readString(target.resolve("a.csv")));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void aFileWhereTheFolderShouldBeIsRefusedByName(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("out"), "a file");
        LptemException e = assertThrows(LptemException.class, () -> new StagedFolder(file));
        assertTrue(e.getMessage().contains("out") && e.getMessage().contains("not a folder"), e.getMessage());
    }
}
