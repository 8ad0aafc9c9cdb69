// The book embeds the repository's own fonts and a generated cover image.
import java.nio.file.*
import java.awt.image.BufferedImage
import javax.imageio.ImageIO

def repo = new File(repoRoot).toPath()
def fonts = basedir.toPath().resolve('fonts')
Files.createDirectories(fonts)
['NotoSerif-Regular.ttf', 'NotoSerif-Italic.ttf', 'NotoSerif-Bold.ttf', 'OFL.txt'].each {
    Files.copy(repo.resolve('fonts').resolve(it), fonts.resolve(it), StandardCopyOption.REPLACE_EXISTING)
}
def covers = basedir.toPath().resolve('covers')
Files.createDirectories(covers)
def img = new BufferedImage(600, 900, BufferedImage.TYPE_INT_RGB)
def g = img.createGraphics(); g.setColor(new java.awt.Color(0x33, 0x55, 0x77)); g.fillRect(0, 0, 600, 900); g.dispose()
ImageIO.write(img, 'png', covers.resolve('cover.png').toFile())
// Artifacts of an earlier run of this test must not satisfy (or fail) its checks.
new File(localRepositoryPath, 'it/sheaf/full-book').deleteDir()
return true
