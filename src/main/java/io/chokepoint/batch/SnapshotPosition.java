package io.chokepoint.batch;

import java.io.Serializable;

import io.chokepoint.tracking.store.InputFingerprint;
import io.chokepoint.tracking.ProjectKey;

/**
 * The snapshot reader's checkpoint: the last project read, and the running fingerprint of every input row read up
 * to it, so a restart goes on hashing from there instead of reading the tables again.
 *
 * @param last        the last project read; null before the first
 * @param fingerprint the running fingerprint of the rows read so far; null when it is not known (an execution
 *                    started by an earlier release checkpointed the key only): write-manifest then recomputes it
 * @param complete    the finished fingerprint once every input row has been read, else null
 */
record SnapshotPosition(ProjectKey last, InputFingerprint.Partial fingerprint, String complete) implements Serializable {
}
