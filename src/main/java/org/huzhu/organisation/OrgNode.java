package org.huzhu.organisation;

/**
 * A union office in the tree. {@code path} lists the ids from the root: {@code /1/5/12/}.
 * {@code divisionCode} is its administrative division (GB/T 2260, six digits); a closed node stays
 * in the tree for history and reports but takes no new units or children.
 */
public record OrgNode(long id, String name, Level level, Long parentId, String path, String divisionCode, boolean closed) {

    public OrgNode(long id, String name, Level level, Long parentId, String path) {
        this(id, name, level, parentId, path, null, false);
    }

    /** Whether {@code other} is this node or lies below it. */
    boolean contains(OrgNode other) {
        return other.path().startsWith(path);
    }
}
