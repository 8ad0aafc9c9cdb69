package dev.sheaf.testing;

import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The size at which each image is drawn in a PDF, in points, in page order. */
public final class PdfImages extends PDFStreamEngine {

    private final List<float[]> drawn = new ArrayList<>();

    private PdfImages() {
        addOperator(new Concatenate(this));
        addOperator(new DrawObject(this));
        addOperator(new SetMatrix(this));
        addOperator(new Save(this));
        addOperator(new Restore(this));
    }

    /** {@code {width, height}} of every image drawn, in points. */
    public static List<float[]> drawn(PDDocument doc) {
        PdfImages engine = new PdfImages();
        try {
            for (PDPage page : doc.getPages()) {
                engine.processPage(page);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return engine.drawn;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if ("Do".equals(operator.getName()) && !operands.isEmpty() && operands.get(0) instanceof COSName name) {
            PDXObject object = getResources().getXObject(name);
            if (object instanceof PDImageXObject) {
                Matrix ctm = getGraphicsState().getCurrentTransformationMatrix();
                drawn.add(new float[] {ctm.getScalingFactorX(), ctm.getScalingFactorY()});
            }
        }
        super.processOperator(operator, operands);
    }
}
