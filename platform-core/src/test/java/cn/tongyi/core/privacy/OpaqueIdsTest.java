package cn.tongyi.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.tongyi.web.ApiProblem;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpaqueIdsTest {

    private static OpaqueIds withKeysIn(Path dir) {
        PiiKeys.KeyFiles keys = PiiKeys.ensure(dir);
        return new OpaqueIds(new PiiVault(keys.keyset(), keys.hashKey()));
    }

    @Test
    void idsRoundTripWithoutShowingTheirNumbersOrOrder(@TempDir Path keys) {
        OpaqueIds ids = withKeysIn(keys);
        Set<String> prefixes = new HashSet<>();
        for (long id = 1; id <= 1_000; id++) {
            String token = ids.seal(OpaqueIds.Kind.TRANSFER, id);
            assertThat(token).matches("[A-Za-z0-9_-]{22}");
            assertThat(ids.open(OpaqueIds.Kind.TRANSFER, token)).contains(id);
            prefixes.add(token.substring(0, 4));
        }
        assertThat(prefixes).as("consecutive ids share no visible pattern").hasSizeGreaterThan(990);
        assertThat(ids.seal(OpaqueIds.Kind.TRANSFER, 7)).isEqualTo(ids.seal(OpaqueIds.Kind.TRANSFER, 7));
        assertThat(ids.seal(OpaqueIds.Kind.TRANSFER, 123_456_789)).doesNotContain("123456789");
    }

    @Test
    void aTokenOpensOnlyAsItsKindAndOnlyUnderItsKey(@TempDir Path keys, @TempDir Path otherKeys) {
        OpaqueIds ids = withKeysIn(keys);
        String transfer = ids.seal(OpaqueIds.Kind.TRANSFER, 42);
        assertThat(ids.open(OpaqueIds.Kind.SERVICE_REQUEST, transfer)).isEmpty();
        assertThat(ids.open(OpaqueIds.Kind.DISPUTE, transfer)).isEmpty();
        assertThat(withKeysIn(otherKeys).open(OpaqueIds.Kind.TRANSFER, transfer)).isEmpty();
        assertThatThrownBy(() -> ids.require(OpaqueIds.Kind.SERVICE_REQUEST, transfer))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(404);
                    assertThat(p.slug()).isEqualTo("request-not-found");
                });
    }

    @Test
    void anythingElseOpensToNothing(@TempDir Path keys) {
        OpaqueIds ids = withKeysIn(keys);
        String token = ids.seal(OpaqueIds.Kind.MESSAGE, 9);
        char flipped = token.charAt(5) == 'A' ? 'B' : 'A';
        for (String other : new String[] {null, "", "9", "42", token.substring(1), token + "A", "!!" + token.substring(2),
                token.substring(0, 5) + flipped + token.substring(6), "AAAAAAAAAAAAAAAAAAAAAA"}) {
            assertThat(ids.open(OpaqueIds.Kind.MESSAGE, other)).as(String.valueOf(other)).isEmpty();
        }
    }

    @Test
    void cursorsAreOpaqueIdsAndAGarbledOneIsA400(@TempDir Path keys) {
        OpaqueIds ids = withKeysIn(keys);
        assertThat(ids.below(OpaqueIds.Kind.TRANSFER, null)).isEqualTo(Long.MAX_VALUE);
        assertThat(ids.below(OpaqueIds.Kind.TRANSFER, "")).isEqualTo(Long.MAX_VALUE);
        assertThat(ids.below(OpaqueIds.Kind.TRANSFER, ids.seal(OpaqueIds.Kind.TRANSFER, 12_345))).isEqualTo(12_345);
        for (String bad : new String[] {"abc", "ZTE6MTIzNDU", ids.seal(OpaqueIds.Kind.MESSAGE, 12_345)}) {
            assertThatThrownBy(() -> ids.below(OpaqueIds.Kind.TRANSFER, bad)).as(bad)
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("invalid-cursor"));
        }
    }
}
