package org.huzhu.recognition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.huzhu.shared.DataTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The hospitals a receipt may name (医疗机构名录): shipped per province as CSV under
 * {@code recognition/hospitals/} (Hubei's, {@code HB.csv}, to start with: name, aliases separated by ｜, city),
 * plus the files an office drops into {@code huzhu.hospital-list.dir}. A hospital read from a receipt is
 * looked up by its name or an alias; one that differs from a single listed name by a character or two is
 * reported as a likely misreading of it; one that is not listed at all is reported too. Either is a warning
 * for the reviewer: the value read is never changed.
 */
@Component
public class HospitalList {

    static final String SHIPPED = "recognition/hospitals/*.csv";
    static final List<String> HEADER = List.of("名称", "别名", "市州");

    /**
     * What the list says of a hospital read: listed (under its listed name), near one listed name, near several (which
     * one cannot be told), or not listed (near none).
     */
    public record Match(Kind kind, String listed, String city) {
        public enum Kind { LISTED, NEAR, NEAR_SEVERAL, NOT_LISTED }

        /** Not listed, but a character or two from one listed name or several. */
        boolean near() {
            return kind == Kind.NEAR || kind == Kind.NEAR_SEVERAL;
        }
    }

    private final Map<String, Hospital> byName = new HashMap<>();
    private final List<Hospital> hospitals = new ArrayList<>();

    private record Hospital(String name, String city) {
    }

    @Autowired
    HospitalList(@Value("${huzhu.hospital-list.dir:}") String officeDir) {
        this(DataTable.read(SHIPPED, officeDir, HEADER));
    }

    private HospitalList(List<DataTable.Row> rows) {
        for (DataTable.Row row : rows) {
            String name = normal(row.cell(0));
            if (name.isEmpty()) throw row.problem("a hospital needs its name");
            Hospital h = new Hospital(name, row.cell(2));
            hospitals.add(h);
            byName.put(name, h);
            for (String alias : row.cell(1).split("[｜|]")) {
                if (!normal(alias).isEmpty()) byName.putIfAbsent(normal(alias), h);
            }
        }
    }

    /** The list Huzhu ships, without an office's additions (for tools and tests). */
    public static HospitalList shipped() {
        return new HospitalList(DataTable.read(SHIPPED, null, HEADER));
    }

    /**
     * This list less one hospital and its aliases (for tools: set 1's probes read their receipts against a list that lacks
     * the hospital each names, to measure what the list's choices do for a hospital it lacks).
     */
    HospitalList without(String name) {
        Hospital gone = byName.get(normal(name));
        HospitalList less = new HospitalList(List.of());
        hospitals.stream().filter(h -> h != gone).forEach(less.hospitals::add);
        byName.forEach((n, h) -> {
            if (h != gone) less.byName.put(n, h);
        });
        return less;
    }

    public int size() {
        return hospitals.size();
    }

    /** Looks up a hospital as read from a receipt. */
    public Match match(String read) {
        String name = normal(read);
        Hospital exact = byName.get(name);
        if (exact != null) return new Match(Match.Kind.LISTED, exact.name(), exact.city());
        int allowed = allowedEdits(name);
        Hospital near = null;
        int best = Integer.MAX_VALUE;
        boolean tie = false;
        for (Map.Entry<String, Hospital> e : byName.entrySet()) {
            int d = distance(name, e.getKey(), allowed);
            if (d > allowed) continue;
            if (d < best) {
                best = d;
                near = e.getValue();
                tie = false;
            } else if (d == best && near != e.getValue()) {
                tie = true;
            }
        }
        if (near != null && !tie) return new Match(Match.Kind.NEAR, near.name(), near.city());
        return new Match(near != null ? Match.Kind.NEAR_SEVERAL : Match.Kind.NOT_LISTED, null, null);
    }

    /** How many characters a name read may be from a listed one and still be near it: one, two from 8 characters on. */
    private static int allowedEdits(String name) {
        return name.length() >= 8 ? 2 : 1;
    }

    /** The fewest characters of a hospital's name (卫生院 alone is none). */
    static final int SHORTEST_NAME = 4;

    /**
     * The listed hospital a text read holds, by its name or an alias exactly, the longest so held: 大冶市人民医院 of
     * 单位(章)大冶市人民医院段杰琪, the label before it misread and the cashier after it. Null when it holds none.
     */
    String listedWithin(String read) {
        String text = normal(read);
        for (int length = text.length(); length >= SHORTEST_NAME; length--) {
            for (int from = 0; from + length <= text.length(); from++) {
                Hospital h = byName.get(text.substring(from, from + length));
                if (h != null) return h.name();
            }
        }
        return null;
    }

    /** The reviewer's warning for a hospital read exactly (from a PDF's or OFD's text), or null when it is listed as read. */
    String warning(String read) {
        return warning(read, match(read));
    }

    /** {@link #warning(String)} for a read already looked up. */
    static String warning(String read, Match m) {
        return switch (m.kind()) {
            case LISTED -> null;
            case NEAR -> "医院名称「" + read + "」与医疗机构名录中的「" + m.listed() + "」相差一两个字，可能是识别误差，请核对原件（识别结果未作更改）";
            case NEAR_SEVERAL, NOT_LISTED -> "医院「" + read + "」不在医疗机构名录中，请核对原件";
        };
    }

    /**
     * Whether a hospital OCR read is doubted by the list: not listed, but a character or two from a listed name (or from
     * several). Such a read is a misread far more often than another hospital: set 1 at 300 dpi read 荆门市 as 草门市
     * with every look agreeing, set 2 荆州市 as 草州市. A name near none is kept: it may be a hospital the list lacks.
     */
    boolean doubts(String read) {
        return match(read).near();
    }

    /** The reviewer's warning for a hospital OCR read that the list {@link #doubts}, which is left out. */
    String doubtedWarning(String read) {
        return doubtedWarning(read, match(read));
    }

    /** {@link #doubtedWarning(String)} for a read already looked up. */
    static String doubtedWarning(String read, Match m) {
        return nearListed(read, m) + "可能是识别误差，已舍弃，请核对原件";
    }

    /** What a warning about a read the list doubts begins with: the read, and the listed name (or names) it is near. */
    private static String nearListed(String read, Match m) {
        return "医院读作「" + read + "」，不在医疗机构名录中，与名录中" + (m.kind() == Match.Kind.NEAR ? "的「" + m.listed() + "」" : "几家医院的名称")
                + "相差一两个字，";
    }

    /**
     * Whether a read of the seal's words ({@link LineReader#readSealWords}) shows the hospital OCR read rather than the
     * listed ones it is a character or two from ({@link #doubts}): nearer the read, by its fewest edits, than every
     * such listed name. A 收费专用章 is the hospital's own and names it in another print, curved, apart from the line:
     * 利川市人民医院 read on the line and 利镍市六改医生 on the seal show 利川, which the list lacks, not the listed 汉川.
     * A misread of a listed name (草门市 for 荆门市, every look at the line agreeing) is not shown so: its seal says 荆门.
     */
    boolean sealShows(String read, List<String> sealWords) {
        String name = normal(read);
        int allowed = allowedEdits(name);
        List<String> near = byName.keySet().stream().filter(listed -> distance(name, listed, allowed) <= allowed).toList();
        if (near.isEmpty()) return false;
        String han = chinese(name);
        for (String words : sealWords) {
            String seal = chinese(words);
            if (seal.codePointCount(0, seal.length()) < NEAREST_MIN_CHARACTERS) continue;
            int limit = Math.max(seal.length(), han.length()) + 2;
            int toRead = distance(seal, han, limit);
            if (near.stream().allMatch(listed -> distance(seal, chinese(listed), limit) > toRead)) return true;
        }
        return false;
    }

    /** The reviewer's warning for a hospital the list {@link #doubts} that its seal shows ({@link #sealShows}), kept. */
    String sealShownWarning(String read) {
        return sealShownWarning(read, match(read));
    }

    /** {@link #sealShownWarning(String)} for a read already looked up. */
    static String sealShownWarning(String read, Match m) {
        return nearListed(read, m) + "印章上的名称与读到的相符，按读到的取用，请核对原件";
    }

    /** A read must keep at least this many Chinese characters to say which hospital it is nearest to. */
    static final int NEAREST_MIN_CHARACTERS = 4;
    /**
     * How many characters further from the reads that speak, all of them counted together, than from the nearest every
     * other listed hospital must be.
     */
    static final int NEAREST_MARGIN = 2;

    /**
     * The listed hospital that reads of one name, each too damaged to be listed or a character or two from a listed name,
     * all come nearest to: a seal's ring across a long name in a thin face (华中科拷ws活同济医学掀附属协和医院 and
     * 华中科挝ys疼同济医党噬附属协和医院 for 华中科技大学同济医学院附属协和医院). Only Chinese characters are compared
     * (the ring's strokes come back as Latin letters). A read speaks when it keeps {@link #NEAREST_MIN_CHARACTERS}, is
     * nearer the hospital than any other, and holds its (listed or other) name with at most a third of its characters
     * misread or lost, a character before or after it free ({@link #within}: a look across its cell). Null
     * unless two reads or more speak, all for the same hospital, and their distances from it, added up, are
     * {@link #NEAREST_MARGIN} fewer than from any other hospital: two looks each a character nearer 襄阳市中心医院 than
     * 襄阳市中医医院 (否阳市中心医院, 囊阳市中心医院) tell them apart as one read two characters nearer would; a read as
     * near another hospital, or reads speaking for two, cannot tell, and nothing is chosen. Null too when the reads agree
     * on characters the name has not ({@link #readsShowAnother}), on even one when a read speaking is only a character
     * nearer it than another (利川市人民医院 twice, the list lacking it, is a character from 汉川市人民医院 and two from any
     * other: the reads show 利川's, which the list must not name 汉川's for). The name is given as the receipt prints it:
     * the listed name or the alias the nearest read came nearest to (恩施州中心医跷 → 恩施州中心医院, an alias of
     * 恩施土家族苗族自治州中心医院). Null, last, when no read keeps a character of the name that the hospital next nearest
     * them has not ({@link #readsShowItsOwn}).
     */
    String nearestOfAll(List<String> reads) {
        Hospital chosen = null;
        String printed = null;
        int closest = Integer.MAX_VALUE;
        List<String> speaking = new ArrayList<>();
        Map<Hospital, Integer> added = new HashMap<>();
        boolean alone = true;
        for (String read : reads) {
            String han = chinese(read);
            if (han.codePointCount(0, han.length()) < NEAREST_MIN_CHARACTERS) continue;
            Map<Hospital, Integer> from = new HashMap<>();
            String bestKey = null;
            int nearest = Integer.MAX_VALUE;
            for (Map.Entry<String, Hospital> e : byName.entrySet()) {
                String name = chinese(e.getKey());
                int d = distance(han, name, Math.max(han.length(), name.length()));
                from.merge(e.getValue(), d, Math::min);
                if (d < nearest) {
                    nearest = d;
                    bestKey = e.getKey();
                }
            }
            if (bestKey == null || within(han, chinese(bestKey)) > chinese(bestKey).length() / 3) continue;
            Hospital best = byName.get(bestKey);
            int own = nearest;
            int apart = from.entrySet().stream().filter(e -> e.getKey() != best).mapToInt(e -> e.getValue() - own).min().orElse(Integer.MAX_VALUE);
            if (apart <= 0) return null;
            alone &= apart >= NEAREST_MARGIN;
            if (chosen != null && chosen != best) return null;
            chosen = best;
            if (nearest < closest) {
                closest = nearest;
                printed = bestKey;
            }
            speaking.add(han);
            from.forEach((hospital, d) -> added.merge(hospital, d, Integer::sum));
        }
        if (speaking.size() < 2) return null;
        int toChosen = added.get(chosen);
        Hospital one = chosen;
        boolean apart = added.entrySet().stream().allMatch(e -> e.getKey() == one || e.getValue() - toChosen >= NEAREST_MARGIN);
        if (!apart || readsShowAnother(reads, printed, alone ? SHOWN_ANOTHER : 1)) return null;
        Hospital runnerUp = added.entrySet().stream().filter(e -> e.getKey() != one).min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        if (runnerUp != null && !readsShowItsOwn(speaking, printed, runnerUp.name())) return null;
        return printed;
    }

    /**
     * Whether a read keeps, in its place, at least one character of the name that the listed name nearest after it has
     * not ({@code other}): the characters that tell the two apart. Reads that lost every one of them come nearer the
     * shorter name, or the one whose characters the misreads happen to share, and say nothing of which it is
     * (武汉市竟踊人民医院, 献汉市奠唰介人民医院: the district's two or three characters lost, nearer 武汉市第一人民医院
     * than 武汉市黄陂区人民医院 by their number only); the list must not choose one for them.
     */
    static boolean readsShowItsOwn(List<String> reads, String name, String other) {
        int[] own = chinese(name).codePoints().toArray();
        int[] others = chinese(other).codePoints().toArray();
        int[] shared = aligned(others, own);
        for (String read : reads) {
            int[] han = chinese(read).codePoints().toArray();
            int[] seen = aligned(han, own);
            for (int j = 0; j < own.length; j++) {
                boolean telling = shared[j] < 0 || others[shared[j]] != own[j];
                if (telling && seen[j] >= 0 && han[seen[j]] == own[j]) return true;
            }
        }
        return false;
    }

    /**
     * Whether the reads agree, two reads or more, on {@value #SHOWN_ANOTHER} characters or more where the listed name has
     * others (华中科技大学同东湖学院附属协和医院 and 华中科技大尝同东湖学哇附属协和医院 against the listed 同济医学院's 济医):
     * they then show another hospital, most often one the list lacks a character or two from a listed one, and the list
     * must not choose that one for it. One character two looks at the same pixels misread alike (降 for 院) is the face's,
     * and says nothing so. Only reads within a third of the name's characters of it count: two looks at a seal's ring
     * read the same strokes as the same wrong characters (剂门市和估复相 and 剂门市和人复和 for 荆门市东宝区中医医院), which
     * show the ring, not another hospital. Each read is set against the name by its fewest edits. Measured on set 1 with each receipt
     * issued by a hospital the list lacks, two characters from a listed one ({@code OtherFormsProbe -Dsibling=true}).
     */
    static boolean readsShowAnother(List<String> reads, String listed) {
        return readsShowAnother(reads, listed, SHOWN_ANOTHER);
    }

    /** {@link #readsShowAnother(List, String)}, the reads agreeing on at least {@code characters} the name has not. */
    static boolean readsShowAnother(List<String> reads, String listed, int characters) {
        int[] name = chinese(listed).codePoints().toArray();
        Map<String, Integer> seen = new HashMap<>();
        for (String read : reads) {
            String chinese = chinese(read);
            int[] han = chinese.codePoints().toArray();
            if (han.length < NEAREST_MIN_CHARACTERS || within(chinese, chinese(listed)) > name.length / 3) continue;
            for (String misread : substitutions(han, name)) seen.merge(misread, 1, Integer::sum);
        }
        return seen.values().stream().filter(n -> n >= 2).count() >= characters;
    }

    /** How many characters the reads must agree on where the name has others to show another hospital. */
    static final int SHOWN_ANOTHER = 2;

    /**
     * Where a read has another character than the name, by the fewest edits: each as the name's position and the read's
     * character.
     */
    private static List<String> substitutions(int[] read, int[] name) {
        int[] at = aligned(read, name);
        List<String> found = new ArrayList<>();
        for (int j = name.length - 1; j >= 0; j--) {
            if (at[j] >= 0 && read[at[j]] != name[j]) found.add(j + ":" + Character.toString(read[at[j]]));
        }
        return found;
    }

    /**
     * The read's character set against each of the name's by the fewest edits (the same or another character), or -1
     * where the read has none there.
     */
    private static int[] aligned(int[] read, int[] name) {
        int[][] d = new int[read.length + 1][name.length + 1];
        for (int i = 0; i <= read.length; i++) d[i][0] = i;
        for (int j = 0; j <= name.length; j++) d[0][j] = j;
        for (int i = 1; i <= read.length; i++) {
            for (int j = 1; j <= name.length; j++) {
                int cost = read[i - 1] == name[j - 1] ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
            }
        }
        int[] at = new int[name.length];
        Arrays.fill(at, -1);
        int i = read.length, j = name.length;
        while (i > 0 && j > 0) {
            int cost = read[i - 1] == name[j - 1] ? 0 : 1;
            if (d[i][j] == d[i - 1][j - 1] + cost) {
                at[j - 1] = i - 1;
                i--;
                j--;
            } else if (d[i][j] == d[i - 1][j] + 1) {
                i--;
            } else {
                j--;
            }
        }
        return at;
    }

    private static String chinese(String s) {
        return s.replaceAll("[^\\p{IsHan}]", "");
    }

    /** Full-width and spacing differences do not make another hospital. */
    private static String normal(String s) {
        if (s == null) return "";
        return s.replace('（', '(').replace('）', ')').replaceAll("\\s+", "").strip();
    }

    /**
     * How many characters a read is from a name it may hold with a little more around it: the edits that make the name
     * of the read, its first and last {@value #AROUND} characters costing nothing when they are not the name's (a look
     * across a name's cell reads the seal's ring or the label's end beside it: 人京山市中医人尽 is two from 京山市中医医院,
     * not three). The name's own characters all count: a read that lost some is as far as they are. No more is free: a
     * long name holds a short one (协和医院 in 华中科技大学同济医学院附属协和医院), which it is not.
     */
    static int within(String read, String name) {
        int[] x = read.codePoints().toArray();
        int[] y = name.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) previous[j] = j;
        int best = previous[y.length] + Math.max(0, x.length - AROUND);
        for (int i = 1; i <= x.length; i++) {
            current[0] = Math.max(0, i - AROUND);
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            best = Math.min(best, current[y.length] + Math.max(0, x.length - i - AROUND));
            int[] t = previous;
            previous = current;
            current = t;
        }
        return best;
    }

    /** How many characters before and after a name a read may have at no cost ({@link #within}). */
    static final int AROUND = 1;

    /** Levenshtein distance by code point, giving up (answering limit + 1) once it must exceed {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (Math.abs(x.length - y.length) > limit) return limit + 1;
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) previous[j] = j;
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= y.length; j++) {
                int cost = x[i - 1] == y[j - 1] ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (rowMin > limit) return limit + 1;
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[y.length];
    }
}
