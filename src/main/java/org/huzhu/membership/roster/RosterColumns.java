package org.huzhu.membership.roster;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Header recognition: maps the columns of a header row to the seven roster fields ("slots"). */
final class RosterColumns {

    static final int NAME = 0;
    static final int ID_NUMBER = 1;
    static final int PHONE = 2;
    static final int EMPLOYMENT_FORM = 3;
    static final int PLAN = 4;
    static final int SHARES = 5;
    static final int PAID_ON = 6;
    static final int COUNT = 7;

    /** Column index → slot, or {@link #UNMAPPED}. */
    static final int UNMAPPED = -1;

    private static final String[] CHINESE = RosterTemplate.HEADERS.toArray(new String[0]);
    private static final String[] ENGLISH_LOWER = {
            "name", "idnumber", "phone", "employmentform", "plan", "shares", "paidon"};

    private RosterColumns() {
    }

    /** The slot a header cell names, or {@link #UNMAPPED}. Trimmed, English case-insensitively. */
    static int slotOf(String header) {
        if (header == null) {
            return UNMAPPED;
        }
        String h = CellText.clean(header);
        if (h == null) {
            return UNMAPPED;
        }
        for (int i = 0; i < COUNT; i++) {
            if (CHINESE[i].equals(h)) {
                return i;
            }
        }
        String lower = h.toLowerCase(Locale.ROOT);
        for (int i = 0; i < COUNT; i++) {
            if (ENGLISH_LOWER[i].equals(lower)) {
                return i;
            }
        }
        return UNMAPPED;
    }

    /**
     * Maps a header row.
     *
     * @return column index → slot ({@link #UNMAPPED} for unknown columns)
     * @throws RosterFileException naming, in Chinese, the missing or duplicated columns
     */
    static int[] mapHeader(List<String> headerCells) {
        int[] colToSlot = new int[headerCells.size()];
        int[] slotToCol = new int[COUNT];
        Arrays.fill(slotToCol, -1);
        List<String> duplicated = new ArrayList<>();
        for (int col = 0; col < colToSlot.length; col++) {
            int slot = slotOf(headerCells.get(col));
            colToSlot[col] = slot;
            if (slot != UNMAPPED) {
                if (slotToCol[slot] >= 0) {
                    if (!duplicated.contains(CHINESE[slot])) {
                        duplicated.add(CHINESE[slot]);
                    }
                } else {
                    slotToCol[slot] = col;
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (int slot = 0; slot < COUNT; slot++) {
            if (slotToCol[slot] < 0) {
                missing.add(CHINESE[slot]);
            }
        }
        if (!missing.isEmpty()) {
            String message = "缺少必需的列：" + String.join("、", missing);
            if (missing.size() == COUNT) {
                message += "。请确认第一行为表头：" + String.join("、", CHINESE);
            }
            throw new RosterFileException(message);
        }
        if (!duplicated.isEmpty()) {
            throw new RosterFileException("表头中有重复的列：" + String.join("、", duplicated));
        }
        return colToSlot;
    }

    /** Inverts {@link #mapHeader}: slot → column index. */
    static int[] slotToColumn(int[] colToSlot) {
        int[] slotToCol = new int[COUNT];
        for (int col = 0; col < colToSlot.length; col++) {
            if (colToSlot[col] != UNMAPPED) {
                slotToCol[colToSlot[col]] = col;
            }
        }
        return slotToCol;
    }

    static RosterRow toRow(long rowNumber, String[] v) {
        return new RosterRow(rowNumber, v[NAME], v[ID_NUMBER], v[PHONE], v[EMPLOYMENT_FORM], v[PLAN],
                v[SHARES], v[PAID_ON]);
    }
}
