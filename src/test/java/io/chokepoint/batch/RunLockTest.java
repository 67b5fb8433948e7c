package io.chokepoint.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chokepoint.ChildJvm;

class RunLockTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void freeLock_isTaken_andTheFileNamesThisProcessAndWhen() throws Exception {
        Path tracker = dir.resolve("chokepoint.db");

        try (RunLock lock = RunLock.acquire(tracker, CLOCK)) {
            assertThat(lock.file()).isEqualTo(dir.resolve("chokepoint.db.lock"));
            assertThat(Files.readString(lock.file()))
                    .isEqualTo("pid=" + ProcessHandle.current().pid() + "\nsince=2026-11-27T09:00:00Z\n");
            assertThat(lock.takenOverFrom()).isEmpty();
        }
    }

    @Test
    void released_leavesAnEmptyFile_andTheLockCanBeTakenAgain() throws Exception {
        Path tracker = dir.resolve("chokepoint.db");
        RunLock.acquire(tracker, CLOCK).close();

        assertThat(RunLock.fileFor(tracker)).isEmptyFile();
        try (RunLock again = RunLock.acquire(tracker, CLOCK)) {
            assertThat(again.takenOverFrom()).isEmpty();
        }
    }

    @Test
    void heldByAnotherProcess_isRefusedAtOnce_namingItsPid() throws Exception {
        Path tracker = dir.resolve("chokepoint.db");
        try (ChildJvm holder = ChildJvm.start(dir.resolve("child"), HoldRunLock.class, tracker.toString())) {
            holder.awaitWhileAlive("the child to take the lock", () -> holder.out().contains("locked"));

            assertThatThrownBy(() -> RunLock.acquire(tracker, CLOCK))
                    .isInstanceOfSatisfying(RunLockedException.class,
                            e -> assertThat(e.holder()).hasValueSatisfying(h -> assertThat(h.pid()).isEqualTo(holder.pid())))
                    .hasMessageContaining("pid " + holder.pid())
                    .hasMessageContaining("kill -TERM " + holder.pid());
        }
    }

    @Test
    void heldByAnotherRunInThisProcess_isRefused() {
        Path tracker = dir.resolve("chokepoint.db");
        try (RunLock first = RunLock.acquire(tracker, CLOCK)) {
            assertThatThrownBy(() -> RunLock.acquire(tracker, CLOCK))
                    .isInstanceOf(RunLockedException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void leftByAProcessThatDied_isTakenOver_andSaysFromWhom() throws Exception {
        Path tracker = dir.resolve("chokepoint.db");
        long dead = ChildJvm.deadPid();
        Files.writeString(RunLock.fileFor(tracker), "pid=" + dead + "\nsince=2026-11-26T03:00:00Z\n");

        try (RunLock lock = RunLock.acquire(tracker, CLOCK)) {
            assertThat(lock.takenOverFrom()).contains(new RunLock.LockHolder(dead, Instant.parse("2026-11-26T03:00:00Z")));
            assertThat(lock.takenOverFrom().orElseThrow().alive()).isFalse();
            assertThat(Files.readString(lock.file())).startsWith("pid=" + ProcessHandle.current().pid() + "\n");
        }
    }

    @Test
    void garbledFile_isTakenOver_withNoHolderToReport() throws Exception {
        Path tracker = dir.resolve("chokepoint.db");
        Files.writeString(RunLock.fileFor(tracker), "not a lock file\n");

        try (RunLock lock = RunLock.acquire(tracker, CLOCK)) {
            assertThat(lock.takenOverFrom()).isEmpty();
        }
    }
}
