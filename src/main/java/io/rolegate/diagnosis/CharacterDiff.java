package io.rolegate.diagnosis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a value someone typed or copied differs from the one meant, character by character: the fewest single
 * characters changed, missing or too many (Levenshtein distance) that turn {@code found} into {@code expected}.
 * Only near misses are compared: values much longer than the one meant, or further away than
 * {@link #maxDistance}, are simply different.
 *
 * @param expected the value as it should read, in segments that match or differ
 * @param found the value as pasted, in segments that match or differ
 * @param differences each changed, missing or extra character, in the order they occur
 */
public record CharacterDiff(List<Segment> expected, List<Segment> found, List<Difference> differences) {

    /** Longest value compared (AWS's limit for an external ID is 1,224 characters, a role ARN 2,048). */
    static final int LONGEST = 2048;

    /** A run of characters that either matches the other value or differs from it. */
    public record Segment(String text, boolean differs) {
    }

    /** What kind of edit a difference is. */
    public enum Kind { CHANGED, MISSING, EXTRA }

    /**
     * One character that differs. {@code position} counts characters of the pasted value from 1; a missing
     * character comes after {@code position} (0: before the first).
     */
    public record Difference(Kind kind, int position, String found, String expected) {

        /** The bundle key of its sentence, e.g. {@code diff_CHANGED}. */
        public String key() {
            return "diff_" + kind.name();
        }
    }

    /** How many edits still count as a near miss of {@code expected}: a sixth of its length, at least two. */
    static int maxDistance(String expected) {
        return Math.max(2, expected.length() / 6);
    }

    /** The differences when {@code found} is a near miss of {@code expected}; empty when equal or too far apart. */
    static Optional<CharacterDiff> nearMiss(String found, String expected) {
        int limit = maxDistance(expected);
        if (found.equals(expected) || found.length() > LONGEST || expected.length() > LONGEST
                || Math.abs(found.length() - expected.length()) > limit) {
            return Optional.empty();
        }
        int[][] cost = distances(found, expected);
        if (cost[found.length()][expected.length()] > limit) {
            return Optional.empty();
        }
        return Optional.of(trace(found, expected, cost));
    }

    /** The edit distance between two values, or more than {@code limit} when they are far apart. */
    static int distance(String a, String b, int limit) {
        if (Math.abs(a.length() - b.length()) > limit || a.length() > LONGEST || b.length() > LONGEST) {
            return limit + 1;
        }
        return distances(a, b)[a.length()][b.length()];
    }

    private static int[][] distances(String found, String expected) {
        int[][] cost = new int[found.length() + 1][expected.length() + 1];
        for (int i = 0; i <= found.length(); i++) {
            cost[i][0] = i;
        }
        for (int j = 0; j <= expected.length(); j++) {
            cost[0][j] = j;
        }
        for (int i = 1; i <= found.length(); i++) {
            for (int j = 1; j <= expected.length(); j++) {
                int change = found.charAt(i - 1) == expected.charAt(j - 1) ? 0 : 1;
                cost[i][j] = Math.min(cost[i - 1][j - 1] + change, Math.min(cost[i - 1][j], cost[i][j - 1]) + 1);
            }
        }
        return cost;
    }

    private static CharacterDiff trace(String found, String expected, int[][] cost) {
        List<Segment> expectedSegments = new ArrayList<>();
        List<Segment> foundSegments = new ArrayList<>();
        List<Difference> differences = new ArrayList<>();
        int i = found.length();
        int j = expected.length();
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && found.charAt(i - 1) == expected.charAt(j - 1) && cost[i][j] == cost[i - 1][j - 1]) {
                prepend(foundSegments, String.valueOf(found.charAt(i - 1)), false);
                prepend(expectedSegments, String.valueOf(expected.charAt(j - 1)), false);
                i--;
                j--;
            } else if (i > 0 && j > 0 && cost[i][j] == cost[i - 1][j - 1] + 1) {
                String f = String.valueOf(found.charAt(i - 1));
                String e = String.valueOf(expected.charAt(j - 1));
                prepend(foundSegments, f, true);
                prepend(expectedSegments, e, true);
                differences.add(0, new Difference(Kind.CHANGED, i, visible(f), visible(e)));
                i--;
                j--;
            } else if (i > 0 && cost[i][j] == cost[i - 1][j] + 1) {
                String f = String.valueOf(found.charAt(i - 1));
                prepend(foundSegments, f, true);
                differences.add(0, new Difference(Kind.EXTRA, i, visible(f), ""));
                i--;
            } else {
                String e = String.valueOf(expected.charAt(j - 1));
                prepend(expectedSegments, e, true);
                differences.add(0, new Difference(Kind.MISSING, i, "", visible(e)));
                j--;
            }
        }
        return new CharacterDiff(List.copyOf(expectedSegments), List.copyOf(foundSegments), List.copyOf(differences));
    }

    /** Adds a character in front, joining it to the first segment when both match or both differ. */
    private static void prepend(List<Segment> segments, String text, boolean differs) {
        if (!segments.isEmpty() && segments.get(0).differs() == differs) {
            segments.set(0, new Segment(text + segments.get(0).text(), differs));
        } else {
            segments.add(0, new Segment(text, differs));
        }
    }

    /** A character as a sentence can show it: white space and invisible characters as their code point. */
    static String visible(String character) {
        char c = character.charAt(0);
        if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT) {
            return String.format("U+%04X", (int) c);
        }
        return character;
    }
}
