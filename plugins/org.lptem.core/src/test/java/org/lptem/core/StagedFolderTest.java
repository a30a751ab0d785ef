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

    @Test
    void aResultsFolderMayNotHoldTheInputNorKeepAnEarlierRunsFiles(@TempDir Path dir) throws Exception {
        Path sim = Files.createDirectory(dir.resolve("sim"));
        Path video = Files.writeString(sim.resolve("video.tif"), "frames");
        LptemException input = assertThrows(LptemException.class, () -> StagedFolder.forResults(sim, video));
        assertTrue(input.getMessage().contains("holds the input"), input.getMessage());
        assertEquals(List.of("video.tif"), names(sim));

        Path out = dir.resolve("out");
        try (StagedFolder first = StagedFolder.forResults(out, video)) {
            Files.writeString(first.file("tracks.csv"), "1");
            Files.writeString(first.file("fits.csv"), "1");
            first.commit();
        }
        try (StagedFolder same = StagedFolder.forResults(out, video)) {
            Files.writeString(same.file("tracks.csv"), "2");
            Files.writeString(same.file("fits.csv"), "2");
            same.commit(); // a run writing the same files replaces them all
        }
        assertEquals("2", Files.readString(out.resolve("fits.csv")));
        try (StagedFolder fewer = StagedFolder.forResults(out, video)) {
            Files.writeString(fewer.file("tracks.csv"), "3");
            LptemException stale = assertThrows(LptemException.class, fewer::commit);
            assertTrue(stale.getMessage().contains("fits.csv"), stale.getMessage());
        }
        assertEquals("2", Files.readString(out.resolve("tracks.csv")), "nothing of the refused run is published");
        assertEquals(List.of("out", "sim"), names(dir));
    }
}
