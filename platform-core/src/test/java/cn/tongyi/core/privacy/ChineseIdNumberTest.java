package cn.tongyi.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChineseIdNumberTest {

    @Test
    @DisplayName("R-MEMBER-1: a GB 11643 number is accepted with its birth date; a wrong check character is not")
    void checkCharacterAndBirthDate() {
        String first17 = "11010519491231002";
        String valid = first17 + ChineseIdNumber.checkCharacter(first17);
        assertThat(valid).isEqualTo("11010519491231002X");
        assertThat(ChineseIdNumber.parse(valid)).get()
                .extracting(ChineseIdNumber::birthDate).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(ChineseIdNumber.parse(valid.toLowerCase())).isPresent();
        assertThat(ChineseIdNumber.parse(first17 + "1")).isEmpty();
    }

    @Test
    @DisplayName("R-MEMBER-1: wrong length, letters, impossible or future birth dates are refused")
    void malformedNumbers() {
        assertThat(ChineseIdNumber.parse(null)).isEmpty();
        assertThat(ChineseIdNumber.parse("1101051949123100")).isEmpty();
        assertThat(ChineseIdNumber.parse("11010519491231002XX")).isEmpty();
        assertThat(ChineseIdNumber.parse("1101051949123A002X")).isEmpty();
        String feb30 = "11010519490230002";
        assertThat(ChineseIdNumber.parse(feb30 + ChineseIdNumber.checkCharacter(feb30))).isEmpty();
        String future = "110105" + (LocalDate.now().getYear() + 1) + "0101002";
        assertThat(ChineseIdNumber.parse(future + ChineseIdNumber.checkCharacter(future))).isEmpty();
    }

    @Test
    @DisplayName("R-MEMBER-3: masks keep only the first 3 and last 4 digits")
    void masks() {
        assertThat(Masks.idNumber("110105194912310021")).isEqualTo("110***********0021");
        assertThat(Masks.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masks.name("王小明")).isEqualTo("王**");
        assertThat(Masks.text("2单元 301室")).isEqualTo("****");
        assertThat(PhoneNumber.normalize("+86 138-1234-5678")).contains("13812345678");
        assertThat(PhoneNumber.normalize("12812345678")).isEmpty();
    }
}
