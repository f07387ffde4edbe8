package dev.loupe.api.workspace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive write lock on a workspace: an OS file lock on {@code .lock}, which the OS
 * releases when the process dies, so a crash never leaves a workspace locked. The file names
 * the holder (pid and start time) for the message a refused opener sees.
 */
final class WorkspaceLock implements AutoCloseable {
    static final String FILE = ".lock";

    /**
     * The workspaces this process holds, by real path. A second opener in the same process is
     * refused here, before it opens the lock file: the OS lock belongs to the process, and on
     * POSIX systems closing any channel on the file releases it, so a refused opener that had
     * opened and closed the file would silently unlock the workspace for other processes.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException naming the holder, when another process or object holds it */
    static WorkspaceLock acquire(Path root) throws IOException {
        Path key = root.toRealPath();
        if (!HELD.add(key)) {
            throw new IllegalStateException("workspace " + root + " is already open for writing in this process"
                    + " (process " + ProcessHandle.current().pid() + "); close that LookoutVision first");
        }
        try {
            return lock(root, key);
        } catch (IOException | RuntimeException e) {
            HELD.remove(key);
            throw e;
        }
    }

    private static WorkspaceLock lock(Path root, Path key) throws IOException {
        Path file = root.resolve(FILE);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            // Another process holds it (this one holds nothing on the file, see HELD), so
            // closing and reading the file here cannot release anyone's lock.
            ch.close();
            String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
            throw new IllegalStateException("workspace " + root + " is already open for writing"
                    + (holder.isEmpty() ? "" : " by " + holder)
                    + "; close that LookoutVision (or stop that process) first");
        }
        try {
            String me = "process " + ProcessHandle.current().pid() + " since " + Instant.now();
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return new WorkspaceLock(key, ch, lock);
    }

    /** Releases the lock; a second call does nothing (it must not release a later holder's place in HELD). */
    @Override
    public synchronized void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            channel.truncate(0);
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(key);
            }
        }
    }
}
