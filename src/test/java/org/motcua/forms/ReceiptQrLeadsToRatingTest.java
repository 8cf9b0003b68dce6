package org.motcua.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.support.Api;
import org.motcua.support.Dossiers;
import org.motcua.support.MotcuaTest;
import org.motcua.support.PageSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The printed receipt (form 01) carries a QR code "to track the dossier and rate satisfaction" (issue 16): read from
 * the PDF, it leads to the public tracking page, which links to the dossier's page; there the applicant, signed in,
 * finds the rating form and rates the returned dossier. Someone else following the link is asked to sign in, and
 * another citizen cannot open the dossier.
 */
@MotcuaTest
class ReceiptQrLeadsToRatingTest {

  static final String CRIMINAL_RECORD = "2.000488.000.00.12.H13";

  @Autowired
  Api api;
  @LocalServerPort
  int port;

  /**
   * The QR code of the last page (under the signatures), read by ZXing's QR reader. The corner where it stands is
   * cropped and given a white border, as a phone frames it (ZXing does not find the QR in the whole page: it is drawn
   * without its own quiet zone); read at a few resolutions, since a rendering's anti-aliasing can cost one a checksum.
   */
  static String qrOnLastPage(byte[] pdf) throws Exception {
    Exception last = null;
    for (int dpi : new int[] {300, 200, 400, 150}) {
      java.awt.image.BufferedImage image;
      try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
        image = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, dpi,
            org.apache.pdfbox.rendering.ImageType.GRAY);
      }
      image = image.getSubimage(0, image.getHeight() * 3 / 4, image.getWidth() / 3, image.getHeight() / 4);
      java.awt.image.BufferedImage padded = new java.awt.image.BufferedImage(image.getWidth() + dpi,
          image.getHeight() + dpi, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
      var g = padded.createGraphics();
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, padded.getWidth(), padded.getHeight());
      g.drawImage(image, dpi / 2, dpi / 2, null);
      g.dispose();
      var source = new com.google.zxing.client.j2se.BufferedImageLuminanceSource(padded);
      for (var bitmap : List.of(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(source)),
          new com.google.zxing.BinaryBitmap(new com.google.zxing.common.GlobalHistogramBinarizer(source)))) {
        try {
          return new com.google.zxing.qrcode.QRCodeReader().decode(bitmap,
              Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (com.google.zxing.ReaderException e) {
          last = e;
        }
      }
    }
    throw last;
  }

  @Test
  void theQrOnTheReceiptLeadsToAPageWhereTheApplicantRates() throws Exception {
    Dossiers flow = new Dossiers(api);
    String code = flow.submitComplete("citizen", CRIMINAL_RECORD);
    flow.decide("clerk.stp", code, "accept", null);
    Api.Response form = api.get("citizen", "/api/dossiers/" + code + "/forms/receipt");
    assertThat(form.status()).as("%s", form).isEqualTo(200);
    byte[] receipt = form.raw();
    String qr = qrOnLastPage(receipt);
    URI target = URI.create(qr);
    assertThat(target.getPath()).isEqualTo("/tra-cuu");
    assertThat(target.getQuery()).isEqualTo("code=" + code);

    // The page the QR opens (anyone holding the receipt) offers the way to rate.
    String local = target.getPath() + "?" + target.getRawQuery();
    HttpResponse<String> tracking = new PageSession(port).get(local);
    assertThat(tracking.statusCode()).isEqualTo(200);
    String link = "/citizen/dossiers/" + code + "#rating";
    assertThat(tracking.body()).contains("id=\"rate-link\"").contains("href=\"" + link + "\"");
    // Not signed in: to the sign-in page first.
    HttpResponse<String> anonymous = new PageSession(port).get("/citizen/dossiers/" + code);
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location").orElseThrow()).endsWith("/login");

    flow.decide("specialist.stp", code, "forward", null);
    flow.decide("leader.stp", code, "approve", null);
    flow.payAtCounter("clerk.stp", code);
    flow.uploadResult("leader.stp", code);
    flow.decide("clerk.stp", code, "return", null);

    PageSession applicant = new PageSession(port).signIn("citizen");
    HttpResponse<String> page = applicant.get("/citizen/dossiers/" + code);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("id=\"rating\"").contains("id=\"send-rating\"");
    HttpResponse<String> rated = applicant.post("/citizen/dossiers/" + code + "/rating",
        Map.of("rating", "2", "comment", "Chờ lâu"));
    assertThat(rated.statusCode()).isEqualTo(302);
    assertThat(api.get("citizen", "/api/dossiers/" + code).body().path("satisfactionRating").asInt()).isEqualTo(2);
    assertThat(applicant.get("/citizen/dossiers/" + code).body()).contains("id=\"rated\"")
        .doesNotContain("id=\"send-rating\"");

    // Another citizen holding the receipt cannot open the dossier.
    assertThat(new PageSession(port).signIn("citizen2").get("/citizen/dossiers/" + code).statusCode())
        .isEqualTo(404);
  }
}
