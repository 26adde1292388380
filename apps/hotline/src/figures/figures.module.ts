import { Module } from '@nestjs/common';
import { AppealModule } from '../appeal/appeal.module';
import { FiguresPublicationRepository } from './figures-publication.repository';
import { OwnerFiguresPublisher } from './owner-figures.publisher';

/** Each lead owner's figures, published for analytics (`FIGURES_SETTINGS` from the app module). */
@Module({
  imports: [AppealModule],
  providers: [OwnerFiguresPublisher, FiguresPublicationRepository],
})
export class FiguresModule {}
