package io.chokepoint.tracking.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row's columns by name, typed, NULL as null: what the row mappers read, whether straight from a result set or
 * from a row already read once to be hashed ({@link InputFingerprint.HashedRow}).
 */
interface RowColumns {

    String text(String column) throws SQLException;

    Double real(String column) throws SQLException;

    Integer integer(String column) throws SQLException;

    /** The current row of a result set, read column by column as asked. */
    static RowColumns of(ResultSet rs) {
        return new RowColumns() {
            @Override
            public String text(String column) throws SQLException {
                return rs.getString(column);
            }

            @Override
            public Double real(String column) throws SQLException {
                double v = rs.getDouble(column);
                return rs.wasNull() ? null : v;
            }

            @Override
            public Integer integer(String column) throws SQLException {
                int v = rs.getInt(column);
                return rs.wasNull() ? null : v;
            }
        };
    }
}
