package io.laurel.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laurel.web.ApiException;
import org.junit.jupiter.api.Test;

/** The mailbox behind an address (docs/online-vote.md lists the providers). */
class VoterAddressTest {

    @Test
    void gmail_ignores_dots_tags_case_and_its_googlemail_alias() {
        assertThat(VoterAddress.normalise(" A.B.C+vote2@Gmail.com ")).isEqualTo("abc@gmail.com");
        assertThat(VoterAddress.normalise("abc@googlemail.com")).isEqualTo("abc@gmail.com");
        assertThat(VoterAddress.normalise("a.b.c+x+y@googlemail.com")).isEqualTo("abc@gmail.com");
    }

    @Test
    void tag_providers_drop_the_tag_but_keep_dots() {
        assertThat(VoterAddress.normalise("12345+a@qq.com")).isEqualTo("12345@qq.com");
        assertThat(VoterAddress.normalise("zhang.san+1@163.com")).isEqualTo("zhang.san@163.com");
        assertThat(VoterAddress.normalise("Li.Si+news@Outlook.com")).isEqualTo("li.si@outlook.com");
        assertThat(VoterAddress.normalise("x+y@hotmail.com")).isEqualTo("x@hotmail.com");
        assertThat(VoterAddress.normalise("x+y@foxmail.com")).isEqualTo("x@foxmail.com");
    }

    @Test
    void other_providers_are_taken_literally_apart_from_case() {
        assertThat(VoterAddress.normalise("A.B+c@Example.COM")).isEqualTo("a.b+c@example.com");
        assertThat(VoterAddress.normalise("a.b@sina.com")).isEqualTo("a.b@sina.com");
    }

    @Test
    void an_address_that_is_only_a_tag_or_not_an_address_is_refused_in_chinese() {
        assertThatThrownBy(() -> VoterAddress.normalise("+vote@gmail.com")).isInstanceOf(ApiException.class)
                .hasMessageContaining("邮箱格式不正确");
        assertThatThrownBy(() -> VoterAddress.normalise("not-an-address")).isInstanceOf(ApiException.class)
                .hasMessageContaining("邮箱格式不正确");
    }
}
