package io.chokepoint.tracking;

import java.io.Serializable;

/**
 * Where a walk over the projects stands: the last project read, in (facility, id) order. Serializable because
 * the batch job stores it as its reader checkpoint.
 */
public record ProjectKey(String facilityId, String projectId) implements Serializable {
}
