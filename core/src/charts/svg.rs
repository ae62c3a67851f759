//! The drawing backend of every chart: plotters' SVG backend, with text sizes estimated from
//! font metrics (`text.rs`) instead of plotters' per-platform font code (a DOM measurement in
//! the browser). Everything else is the SVG backend's own.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea, SVGBackend};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind,
};

use super::text::text_size;

/// plotters' SVG backend writing into a string, with pure text measurement.
pub struct Svg<'a>(SVGBackend<'a>);

impl<'a> Svg<'a> {
    /// A drawing area of `size` pixels whose SVG is written into `buf` when it is presented
    /// or dropped.
    pub fn area(buf: &'a mut String, size: (u32, u32)) -> DrawingArea<Svg<'a>, Shift> {
        Svg(SVGBackend::with_string(buf, size)).into_drawing_area()
    }
}

type Drawn<E> = Result<(), DrawingErrorKind<E>>;
type Error = <SVGBackend<'static> as DrawingBackend>::ErrorType;

impl DrawingBackend for Svg<'_> {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }

    fn ensure_prepared(&mut self) -> Drawn<Error> {
        self.0.ensure_prepared()
    }

    fn present(&mut self) -> Drawn<Error> {
        self.0.present()
    }

    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> Drawn<Error> {
        self.0.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Drawn<Error> {
        self.0.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Drawn<Error> {
        self.0.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Drawn<Error> {
        self.0.draw_path(path, style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Drawn<Error> {
        self.0.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Drawn<Error> {
        self.0.fill_polygon(vert, style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Drawn<Error> {
        self.0.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Error>> {
        Ok(text_size(text, style.size()))
    }

    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Drawn<Error> {
        self.0.blit_bitmap(pos, size, src)
    }
}
