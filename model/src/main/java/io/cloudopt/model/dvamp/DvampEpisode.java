package io.cloudopt.model.dvamp;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * How long an episode runs (problems/dvamp.md §3, S6).
 *
 * @param mode            placements, exceed or all
 * @param placements      P for {@code placements}: place exactly the first P VMs
 * @param extraPlacements E for {@code exceed}: stop E placements after the first VM that does not fit
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DvampEpisode(Mode mode, Integer placements, Integer extraPlacements) {
    public DvampEpisode {
        Objects.requireNonNull(mode, "mode");
    }

    public static DvampEpisode placements(int count) {
        return new DvampEpisode(Mode.PLACEMENTS, count, null);
    }

    public static DvampEpisode exceed(int extra) {
        return new DvampEpisode(Mode.EXCEED, null, extra);
    }

    public static DvampEpisode all() {
        return new DvampEpisode(Mode.ALL, null, null);
    }

    public enum Mode {
        PLACEMENTS("placements"), EXCEED("exceed"), ALL("all");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        @JsonValue
        public String json() {
            return json;
        }

        @JsonCreator
        public static Mode fromJson(String text) {
            for (Mode mode : values()) {
                if (mode.json.equals(text)) {
                    return mode;
                }
            }
            throw new IllegalArgumentException("mode must be \"placements\", \"exceed\" or \"all\"");
        }
    }
}
