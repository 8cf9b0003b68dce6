package org.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.MotcuaTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The catalogue search over HTTP, API and page: words without diacritics, in any order and punctuation aside, and the
 * API's pages ({@code page}, {@code size}, {@code X-Total-Count}) that keep answers small in a province catalogue.
 */
@MotcuaTest
class CatalogSearchHttpTest {

  private static final String BIRTH = "1.001193.000.00.21.H13";

  @Autowired
  Api api;
  @Autowired
  Catalog catalog;

  @Test
  void wordsWithoutDiacriticsInAnyOrderFindTheProcedureOnTheApiAndThePage() {
    for (String q : List.of("dang+ky+khai+sinh", "khai+sinh+dang+ky", "%C4%90%C4%82NG+K%C3%9D+khai+sinh", "1.001193")) {
      Api.Response found = api.get(null, "/api/procedures?q=" + q);
      assertThat(found.body().findValuesAsText("code")).as(q).contains(BIRTH);
      assertThat(found.headers().getFirst("X-Total-Count")).isEqualTo(String.valueOf(found.body().size()));
    }
    String page = new String(api.get(null, "/procedures?q=khai+sinh+dang+ky").raw(), StandardCharsets.UTF_8);
    assertThat(page).contains("data-code=\"" + BIRTH + "\"").doesNotContain("id=\"result-pages\"");
    assertThat(api.get(null, "/api/procedures?q=khong+co+thu+tuc+nay").body()).isEmpty();
  }

  @Test
  void theApiAnswersAPageAtATimeAndTheTotalInAHeader() {
    int total = catalog.procedures().size();
    Api.Response all = api.get(null, "/api/procedures");
    assertThat(all.headers().getFirst("X-Total-Count")).isEqualTo(String.valueOf(total));
    assertThat(codes(all)).hasSize(total).isSorted();

    List<String> paged = new ArrayList<>();
    for (int page = 0; page * 5 < total; page++) {
      Api.Response one = api.get(null, "/api/procedures?size=5&page=" + page);
      assertThat(one.body().size()).isLessThanOrEqualTo(5).isPositive();
      assertThat(one.headers().getFirst("X-Total-Count")).isEqualTo(String.valueOf(total));
      one.body().forEach(p -> paged.add(p.path("code").asText()));
    }
    assertThat(paged).isEqualTo(codes(all));
    // Past the end: an empty page with the total; out-of-range sizes are brought into range.
    assertThat(api.get(null, "/api/procedures?size=5&page=1000").body()).isEmpty();
    assertThat(api.get(null, "/api/procedures?size=0").body()).hasSize(1);
    assertThat(api.get(null, "/api/procedures?size=100000&page=-3").body()).hasSize(Math.min(total, 500));
    // The filters combine with paging: the field's procedures received by phường Vị Tân.
    Api.Response civil = api.get(null, "/api/procedures?field=H%E1%BB%99+t%E1%BB%8Bch&agency=000.02.21.H13&size=1");
    assertThat(civil.body()).hasSize(1);
    assertThat(Integer.parseInt(civil.headers().getFirst("X-Total-Count")))
        .isEqualTo(catalog.offeredBy("000.02.21.H13").stream().filter(p -> p.field().equals("Hộ tịch")).count());
  }

  /** The procedures' own codes (not their components'). */
  private static List<String> codes(Api.Response list) {
    List<String> codes = new ArrayList<>();
    list.body().forEach(p -> codes.add(p.path("code").asText()));
    return codes;
  }
}
