package io.webserv.handlers.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EntityTagTest {

    private static final EntityTag STRONG_1 = new EntityTag(false, "1");
    private static final EntityTag WEAK_1 = new EntityTag(true, "1");
    private static final EntityTag STRONG_2 = new EntityTag(false, "2");

    @Test
    void comparisonTableOfRfc9110() {
        // RFC 9110 §8.8.3.2
        assertThat(WEAK_1.stronglyMatches(WEAK_1)).isFalse();
        assertThat(WEAK_1.weaklyMatches(WEAK_1)).isTrue();
        assertThat(WEAK_1.stronglyMatches(new EntityTag(true, "2"))).isFalse();
        assertThat(WEAK_1.weaklyMatches(new EntityTag(true, "2"))).isFalse();
        assertThat(WEAK_1.stronglyMatches(STRONG_1)).isFalse();
        assertThat(STRONG_1.stronglyMatches(WEAK_1)).isFalse();
        assertThat(WEAK_1.weaklyMatches(STRONG_1)).isTrue();
        assertThat(STRONG_1.stronglyMatches(STRONG_1)).isTrue();
        assertThat(STRONG_1.weaklyMatches(STRONG_1)).isTrue();
        assertThat(STRONG_1.weaklyMatches(STRONG_2)).isFalse();
    }

    @Test
    void printsInFieldForm() {
        assertThat(STRONG_1).hasToString("\"1\"");
        assertThat(WEAK_1).hasToString("W/\"1\"");
        assertThat(new EntityTag(false, "")).hasToString("\"\"");
    }

    @Test
    void fileTagIsStrongAndFollowsNginxShape() {
        EntityTag tag = EntityTag.ofFile(0x1234, 0x18c0ffee000L);
        assertThat(tag.weak()).isFalse();
        assertThat(tag).hasToString("\"18c0ffee000-1234\"");
        assertThat(EntityTag.ofFile(10, 1000)).isNotEqualTo(EntityTag.ofFile(10, 1001));
        assertThat(EntityTag.ofFile(10, 1000)).isNotEqualTo(EntityTag.ofFile(11, 1000));
    }

    @Test
    void parsesOne() {
        assertThat(EntityTag.parse("\"abc\"")).isEqualTo(new EntityTag(false, "abc"));
        assertThat(EntityTag.parse("  W/\"abc\" ")).isEqualTo(new EntityTag(true, "abc"));
        assertThat(EntityTag.parse("\"\"")).isEqualTo(new EntityTag(false, ""));
        assertThat(EntityTag.parse("\"a\", \"b\"")).isNull();
    }

    @Test
    void parsesAListWithCommasInsideTags() {
        assertThat(EntityTag.parseList("\"a\", W/\"b\",\"c,d\"")).containsExactly(
                new EntityTag(false, "a"), new EntityTag(true, "b"), new EntityTag(false, "c,d"));
        assertThat(EntityTag.parseList(" , \"a\" ,, ")).containsExactly(new EntityTag(false, "a"));
        assertThat(EntityTag.parseList("\t\"a\"\t,\t\"b\"")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "\"abc", "w/\"abc\"", "W/abc", "W/ \"a\"", "\"a\" \"b\"", "\"a\"x", "\"a b\"",
        "\"a\",b", "", " , ", "*", "\"a\u0001\""})
    void refusesWhatIsNotAList(String value) {
        assertThat(EntityTag.parseList(value)).isNull();
    }

    @Test
    void refusesInvalidCharacters() {
        assertThatThrownBy(() -> new EntityTag(false, "a\"b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntityTag(false, "a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
